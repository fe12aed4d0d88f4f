using FixIt.Application.Features.Categories.ListCategories;
using FixIt.Application.Features.Categories.RoutedCategories;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Features.Categories;

internal static class CategoriesEndpoints
{
    public static IEndpointRouteBuilder MapCategoriesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/categories", ListCategories)
            .WithTags("Categories")
            .WithName(nameof(ListCategories))
            .WithSummary("The kinds of problem that can be reported; with lat and lon, only those some rule routes at that point")
            .ProducesValidationProblem();
        return app;
    }

    public static async Task<Ok<IReadOnlyList<CategoryView>>> ListCategories(double? lat, double? lon, IMediator mediator,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(lat is { } latitude && lon is { } longitude
            ? await mediator.Send(new RoutedCategoriesQuery(latitude, longitude), cancellationToken)
            : await mediator.Send(new ListCategoriesQuery(), cancellationToken));
}
