using System.Globalization;
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

    /// <summary>lat and lon arrive as text so that "abc" is named as a bad latitude by validation, not as a binding failure.</summary>
    public static async Task<Ok<RoutingExplanationView>> ExplainRouting(string? lat, string? lon, string? category, IMediator mediator,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ExplainRoutingQuery(Number(lat), Number(lon), category), cancellationToken));

    private static double? Number(string? text) =>
        text is null ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
        : double.NaN;
}
