using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace FixIt.Web.Features.Health;

internal static class HealthEndpoints
{
    /// <summary>Live: the process answers. Ready: it can reach its database.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        return app;
    }
}
