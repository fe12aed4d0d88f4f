using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Routing;
using FixIt.Infrastructure.Mail;
using FixIt.Infrastructure.Mail.Inbound;
using FixIt.Infrastructure.Persistence;
using FixIt.Infrastructure.Photos;
using FixIt.Infrastructure.Places;
using FixIt.Infrastructure.Routing;
using FixIt.Infrastructure.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FixIt.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddFixItInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<SiteOptions>().Bind(configuration.GetSection(SiteOptions.SectionName))
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _), "Site:PublicBaseUrl must be an absolute URL.")
            .Validate(o => SiteTimeZone.Find(o.TimeZone) is not null,
                "Site:TimeZone must be an IANA time zone name known to this system's tzdata, such as UTC or Europe/London.")
            .ValidateOnStart();
        services.AddFixItDatabase(configuration, environment);
        services.AddFixItDataProtection();
        services.AddFixItInboundMail(configuration);
        services.AddFixItMail(configuration);
        services.AddFixItFollowUp(configuration);
        Staff.StaffRegistration.AddFixItStaffAccounts(services, configuration, environment);
        services.AddOptions<PhotoOptions>().Bind(configuration.GetSection(PhotoOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SkiaPhotoProcessor>();
        services.AddSingleton<IPhotoProcessor>(sp => sp.GetRequiredService<SkiaPhotoProcessor>());
        services.AddScoped<IPlaceStore, EfPlaceStore>();
        AddGeocoder(services, configuration);
        services.AddOptions<Application.Features.Reports.SubmitReport.ReportsOptions>()
            .Bind(configuration.GetSection(Application.Features.Reports.SubmitReport.ReportsOptions.SectionName))
            .Validate(o => Enum.IsDefined(o.UncoveredPlaces), "Reports:UncoveredPlaces must be Keep or Refuse.")
            .ValidateOnStart();
        services.AddSingleton<RoutingIndexHolder>();
        services.AddSingleton<IReportRouter>(sp => sp.GetRequiredService<RoutingIndexHolder>());
        services.AddSingleton<IRoutingIndexControl>(sp => sp.GetRequiredService<RoutingIndexHolder>());
        services.AddOptions<RoutingOptions>().Bind(configuration.GetSection(RoutingOptions.SectionName))
            .Validate(o => o.PollSeconds is >= 0.05 and <= 3600, "Routing:PollSeconds must be between 0.05 and 3600.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>
    /// The outside place search (Places:Geocoder:Url), registered only when set: without it, place searches and
    /// Open311 addresses go to no third party.
    /// </summary>
    private static void AddGeocoder(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GeocoderOptions>().Bind(configuration.GetSection(GeocoderOptions.SectionName))
            .Validate(o => o.Url.Length == 0 || (Uri.TryCreate(o.Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)),
                "Places:Geocoder:Url must be empty or an absolute http or https URL.")
            .Validate(o => o.TimeoutSeconds is > 0 and <= 60, "Places:Geocoder:TimeoutSeconds must be more than 0 and at most 60.")
            .ValidateOnStart();
        if (string.IsNullOrWhiteSpace(configuration[$"{GeocoderOptions.SectionName}:Url"]))
        {
            return;
        }

        services.AddHttpClient<NominatimGeocoder>((sp, client) =>
            client.DefaultRequestHeaders.UserAgent.ParseAdd(sp.GetRequiredService<IOptions<GeocoderOptions>>().Value.UserAgent));
        services.AddTransient<IPlaceGeocoder>(sp => sp.GetRequiredService<NominatimGeocoder>());
        services.AddTransient<IGeocoder>(sp => sp.GetRequiredService<NominatimGeocoder>());
    }

    /// <summary>The hosted services of the web app; command-line verbs run without them.</summary>
    public static IServiceCollection AddFixItBackgroundWork(this IServiceCollection services)
    {
        services.AddHostedService<RoutingIndexRefresher>();
        services.AddFixItScheduler();
        return services;
    }
}
