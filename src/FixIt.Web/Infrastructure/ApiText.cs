namespace FixIt.Web.Infrastructure;

/// <summary>
/// The resource class of the public JSON API's own words: problem details titles and details a resident's app may show
/// (not valid, not found, removed, too many requests, unreadable body, status-only answers), in the request's
/// language. Resources/Infrastructure/ApiText(.cy).resx. Field names and the admin API's texts stay as they are.
/// </summary>
internal sealed class ApiText;
