namespace FixIt.Web.Infrastructure;

/// <summary>
/// The words of the JSON API's problem details that every client may see (titles, unreadable or empty bodies, wrong
/// content type), by the request's language, from <c>Resources/Infrastructure/ApiText(.cy).resx</c>, English text as
/// the key. Field keys in <c>errors</c> never change; the staff API's conflict titles stay English.
/// </summary>
internal sealed class ApiText;
