using FixIt.Application.Abstractions;
using FixIt.Application.Routing;
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
        services.AddScoped<IReportRouter, GeometryReportRouter>();
        services.AddSingleton<SkiaPhotoProcessor>();
        services.AddSingleton<IPhotoProcessor>(sp => sp.GetRequiredService<SkiaPhotoProcessor>());
        return services;
    }
}
