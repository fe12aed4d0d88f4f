using System.Globalization;
using FixIt.Application.Common;
using Microsoft.AspNetCore.Localization;

namespace FixIt.Web.Infrastructure.Localization;

/// <summary>
/// Standard .NET localisation (<c>IStringLocalizer</c> over resource files under each project's <c>Resources</c>
/// folder, named after the type that uses them) and the request's language: the switcher's cookie
/// (<see cref="CookieRequestCultureProvider.DefaultCookieName"/>) first, then <c>Accept-Language</c> (RFC 9110
/// §12.5.4), else English. Languages are those of <see cref="SiteLanguages"/>.
/// </summary>
public static class FixItLocalization
{
    /// <summary>Registers the string localizers; resource files live under <c>Resources/</c>.</summary>
    public static IServiceCollection AddFixItLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        return services;
    }

    /// <summary>Sets <see cref="CultureInfo.CurrentCulture"/> and <see cref="CultureInfo.CurrentUICulture"/> for each request.</summary>
    public static IApplicationBuilder UseFixItLocalization(this IApplicationBuilder app)
    {
        var cultures = SiteLanguages.All.Select(CultureInfo.GetCultureInfo).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(SiteLanguages.English),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        options.RequestCultureProviders =
        [
            new CookieRequestCultureProvider(),
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
        return app.UseRequestLocalization(options);
    }
}
