using System.Globalization;
using FixIt.Application.Common;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Infrastructure.Localization;

/// <summary>
/// Standard .NET localisation (<c>IStringLocalizer</c> over resource files under each project's <c>Resources</c>
/// folder, named after the type that uses them) and the request's language: the switcher's cookie
/// (<see cref="CookieRequestCultureProvider.DefaultCookieName"/>) first, then <c>Accept-Language</c> (RFC 9110
/// §12.5.4, by weight: <see cref="AcceptLanguage"/>), else English; each answer says its language and varies by both
/// (<see cref="LanguageHeaders"/>). Languages are those of <see cref="SiteLanguages"/>, and with
/// <c>Localization:PseudoLocale</c> (tests only) the pseudo-locale <see cref="PseudoStringLocalizerFactory.Culture"/>.
/// </summary>
public static class FixItLocalization
{
    /// <summary>The setting that adds the pseudo-locale; off unless a test turns it on.</summary>
    public const string PseudoLocaleSetting = "Localization:PseudoLocale";

    /// <summary>Registers the string localizers; resource files live under <c>Resources/</c>.</summary>
    public static IServiceCollection AddFixItLocalization(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>(PseudoLocaleSetting))
        {
            // Registered before AddLocalization, whose TryAdd then leaves this decorator in place.
            services.AddSingleton<ResourceManagerStringLocalizerFactory>();
            services.AddSingleton<IStringLocalizerFactory>(sp =>
                new PseudoStringLocalizerFactory(sp.GetRequiredService<ResourceManagerStringLocalizerFactory>()));
        }

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddHttpContextAccessor();
        return services;
    }

    /// <summary>
    /// Sets <see cref="CultureInfo.CurrentCulture"/> and <see cref="CultureInfo.CurrentUICulture"/> for each request, and
    /// the <c>Content-Language</c> and <c>Vary</c> headers of its answer.
    /// </summary>
    public static IApplicationBuilder UseFixItLocalization(this IApplicationBuilder app)
    {
        var tags = SiteLanguages.All.ToList();
        if (app.ApplicationServices.GetRequiredService<IConfiguration>().GetValue<bool>(PseudoLocaleSetting))
        {
            tags.Add(PseudoStringLocalizerFactory.Culture);
        }

        var cultures = tags.Select(CultureInfo.GetCultureInfo).ToList();
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
            new WeightedAcceptLanguageProvider(cultures),
        ];
        return app.UseRequestLocalization(options).UseLanguageHeaders();
    }
}
