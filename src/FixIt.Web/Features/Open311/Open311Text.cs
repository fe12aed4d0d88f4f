namespace FixIt.Web.Features.Open311;

/// <summary>
/// The Open311 error descriptions FixIt writes itself, by the request's language (<c>Accept-Language</c>), from
/// <c>Resources/Features/Open311/Open311Text(.cy).resx</c>; the field names in them stay Open311's.
/// </summary>
internal sealed class Open311Text;
