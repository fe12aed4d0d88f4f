using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Routing;
using FixIt.Infrastructure.Mail;
using FixIt.Infrastructure.Mail.Inbound;
using FixIt.Infrastructure.Persistence;
using FixIt.Infrastructure.Photos;
using FixIt.Infrastructure.Routing;
using FixIt.Infrastructure.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
        services.AddOptions<PhotoOptions>().Bind(configuration.GetSection(PhotoOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SkiaPhotoProcessor>();
        services.AddSingleton<IPhotoProcessor>(sp => sp.GetRequiredService<SkiaPhotoProcessor>());
        services.AddSingleton<RoutingIndexHolder>();
        services.AddSingleton<IReportRouter>(sp => sp.GetRequiredService<RoutingIndexHolder>());
        services.AddSingleton<IRoutingIndexControl>(sp => sp.GetRequiredService<RoutingIndexHolder>());
        services.AddOptions<RoutingOptions>().Bind(configuration.GetSection(RoutingOptions.SectionName))
            .Validate(o => o.PollSeconds is >= 0.05 and <= 3600, "Routing:PollSeconds must be between 0.05 and 3600.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>The hosted services of the web app; command-line verbs run without them.</summary>
    public static IServiceCollection AddFixItBackgroundWork(this IServiceCollection services)
    {
        services.AddHostedService<RoutingIndexRefresher>();
        services.AddFixItScheduler();
        return services;
    }
}
