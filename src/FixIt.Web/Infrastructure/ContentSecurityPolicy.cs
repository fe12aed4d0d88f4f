namespace FixIt.Web.Infrastructure;

/// <summary>The Content-Security-Policy values: one strict policy for everything, one scoped to the API reference page.</summary>
internal static class ContentSecurityPolicy
{
    public const string ApiDocsPath = "/api/docs";

    private const string Common = "default-src 'self'; connect-src 'self'; font-src 'self'; object-src 'none'; "
        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Scalar's page starts itself with an inline module script (its text holds the configuration) and Vue adds
    /// style elements at run time. Only that page gets 'unsafe-inline': it reflects nothing from the request and
    /// shows only the OpenAPI document FixIt generates from its own code.
    /// </summary>
    public const string ApiDocs = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; "
        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>No inline script or style anywhere; images from this site, data: URIs (Leaflet's and the favicon) and the tile host.</summary>
    public static string ForPages(string tileUrl) =>
        TileSource(tileUrl) is { } tiles
            ? $"{Common}; script-src 'self'; style-src 'self'; img-src 'self' data: {tiles}"
            : $"{Common}; script-src 'self'; style-src 'self'; img-src 'self' data:";

    public static bool IsApiDocs(PathString path) => path.StartsWithSegments(ApiDocsPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The CSP source for a Leaflet tile template: its scheme and host, with a leading "{s}." subdomain placeholder
    /// as "*."; a host with a placeholder anywhere else can only be allowed as the whole scheme ("https:").
    /// Null for an empty or relative template (tiles from this site are already 'self').
    /// </summary>
    internal static string? TileSource(string tileUrl)
    {
        var schemeEnd = tileUrl.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return null;
        }

        var scheme = tileUrl[..schemeEnd].ToLowerInvariant();
        if (scheme is not ("http" or "https"))
        {
            return null;
        }

        var rest = tileUrl[(schemeEnd + 3)..];
        var hostEnd = rest.IndexOfAny(['/', '?', '#']);
        var host = (hostEnd < 0 ? rest : rest[..hostEnd]).ToLowerInvariant();
        if (host.StartsWith('{') && host.IndexOf("}.", StringComparison.Ordinal) is var close and > 0)
        {
            host = "*." + host[(close + 2)..];
        }

        return host.Length > 0 && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '*')
            && host.LastIndexOf('*') <= 0
            ? $"{scheme}://{host}"
            : $"{scheme}:";
    }
}
