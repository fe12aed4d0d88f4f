using FixIt.Application.Common;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Infrastructure;

/// <summary>
/// The browser-facing headers on every response FixIt sends (pages, API, Open311, static files, errors), and
/// <c>Secure</c> on every cookie when the public base URL is https. Decided by Site:PublicBaseUrl, not by
/// Request.IsHttps, because behind a TLS-terminating proxy the request FixIt sees is plain http.
/// See docs/security/headers.md.
/// </summary>
internal static class SecurityHeaders
{
    public const string StrictReferrer = "strict-origin-when-cross-origin";
    public const string NoReferrer = "no-referrer";
    public const string PermissionsPolicy = "geolocation=(self), camera=(), microphone=(), payment=(), usb=()";
    public const string Hsts = "max-age=31536000";

    // Pages reached from an emailed link carry the secret in the path: none of them may pass it on as a Referer.
    private static readonly string[] TokenPathPrefixes = ["/confirm/", "/respond/", "/unsubscribe/", "/subscribe/"];
    private static readonly string[] TokenRouteParameters = ["token", "secret"];

    /// <summary>Adds the headers (first, so error pages get them too) and, for an https site, the Secure cookie policy.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var site = app.Services.GetRequiredService<IOptions<SiteOptions>>().Value;
        var map = app.Services.GetRequiredService<IOptions<MapOptions>>().Value;
        var https = site.IsHttps;
        var pagePolicy = ContentSecurityPolicy.ForPages(map.TileUrl);
        var hsts = https && !app.Environment.IsDevelopment() ? Hsts : null;

        app.Use((context, next) =>
        {
            // OnStarting, not before next(): the exception handler clears the headers of a failed response.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy.IsApiDocs(context.Request.Path) ? ContentSecurityPolicy.ApiDocs : pagePolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = CarriesToken(context) ? NoReferrer : StrictReferrer;
                headers["Permissions-Policy"] = PermissionsPolicy;
                if (hsts is not null)
                {
                    headers.StrictTransportSecurity = hsts;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });

        if (https)
        {
            // Every cookie, whoever appends it (sign-in, antiforgery, anything added later), is Secure.
            app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.Always });
        }

        return app;
    }

    /// <summary>A route with a token in its path, or (when an exception cleared the endpoint) one of the emailed-link paths.</summary>
    internal static bool CarriesToken(HttpContext context)
    {
        if (context.GetEndpoint() is RouteEndpoint { RoutePattern: var pattern } && HasTokenParameter(pattern))
        {
            return true;
        }

        var path = context.Request.Path.Value ?? "";
        return TokenPathPrefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }

    private static bool HasTokenParameter(RoutePattern pattern) =>
        pattern.Parameters.Any(p => TokenRouteParameters.Contains(p.Name, StringComparer.OrdinalIgnoreCase));
}
