using FixIt.Application.Common;
using FixIt.Web.Features.Admin.SignIn;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Features.Language;

/// <summary>
/// The language switcher on every page: plain links (no script needed) to <c>/language?lang=cy&amp;returnUrl=/map</c>,
/// which set the <c>.AspNetCore.Culture</c> cookie for a year and go back to the page, on this site only.
/// </summary>
internal static class LanguageEndpoints
{
    public const string Path = "/language";

    public static IEndpointRouteBuilder MapLanguageSwitcher(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, SwitchLanguage).WithName(nameof(SwitchLanguage)).ExcludeFromDescription();
        return app;
    }

    /// <summary>The switcher's link for a language, coming back to <paramref name="returnPath"/>.</summary>
    public static string Link(string language, string returnPath) =>
        $"{Path}?lang={Uri.EscapeDataString(language)}&returnUrl={Uri.EscapeDataString(returnPath)}";

    // A GET link, so it works without script; it changes nothing stored, only the reader's own preference.
    public static RedirectHttpResult SwitchLanguage(string? lang, string? returnUrl, IOptions<SiteOptions> site, HttpContext context)
    {
        var language = SiteLanguages.Normalise(lang);
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = site.Value.IsHttps,
                Path = "/",
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true,
            });
        return TypedResults.Redirect(ReturnUrl.LocalPathOrDefault(returnUrl, "/"), preserveMethod: false);
    }
}
