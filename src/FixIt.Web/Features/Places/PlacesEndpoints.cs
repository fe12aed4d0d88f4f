using FixIt.Application.Features.Places.SearchPlaces;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Features.Places;

internal static class PlacesEndpoints
{
    public static IEndpointRouteBuilder MapPlacesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/places", SearchPlaces)
            .WithTags("Places")
            .WithName(nameof(SearchPlaces))
            .WithSummary("Places in FixIt's own gazetteer whose name or code starts with q, best first")
            .ProducesValidationProblem();
        return app;
    }

    public static async Task<Ok<IReadOnlyList<PlaceMatch>>> SearchPlaces(string? q, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new SearchPlacesQuery(q), cancellationToken));
}
