using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.Infrastructure.Persistence;

internal static class DataProtectionKeyStore
{
    /// <summary>
    /// Antiforgery and cookie keys live in the database, so every instance behind a load balancer
    /// can read what another wrote, and restarts don't invalidate forms people have open.
    /// </summary>
    public static IServiceCollection AddFixItDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("FixIt").PersistKeysToDbContext<FixItDbContext>();
        return services;
    }
}
