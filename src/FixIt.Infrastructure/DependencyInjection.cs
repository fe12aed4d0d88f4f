using FixIt.Application.Abstractions;
using FixIt.Application.Routing;
using FixIt.Infrastructure.Mail.Inbound;
using FixIt.Infrastructure.Mail;
using FixIt.Infrastructure.Photos;
using FixIt.Infrastructure.Persistence;
using FixIt.Infrastructure.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FixIt.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddFixItInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddFixItDatabase(configuration, environment);
        services.AddFixItDataProtection();
        services.AddScoped<IReportRouter, GeometryReportRouter>();
        services.AddFixItInboundMail(configuration);
        services.AddFixItMail(configuration);
        services.AddSingleton<SkiaPhotoProcessor>();
        services.AddSingleton<IPhotoProcessor>(sp => sp.GetRequiredService<SkiaPhotoProcessor>());
        return services;
    }
}
