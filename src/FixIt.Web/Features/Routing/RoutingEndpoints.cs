using FixIt.Application.Features.Routing.ExplainRouting;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Features.Routing;

internal static class RoutingEndpoints
{
    public static IEndpointRouteBuilder MapRoutingApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/routing/explain", ExplainRouting)
            .WithTags("Routing")
            .WithName(nameof(ExplainRouting))
            .WithSummary("Which areas contain a point, and which rules would route a report there, in order")
            .ProducesValidationProblem();
        return app;
    }

    public static async Task<Ok<RoutingExplanationView>> ExplainRouting(double? lat, double? lon, string? category, IMediator mediator,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ExplainRoutingQuery(lat, lon, category), cancellationToken));
}
