using FixIt.Application.Features.Categories.ListCategories;
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
            .WithSummary("The kinds of problem that can be reported");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<CategoryView>>> ListCategories(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListCategoriesQuery(), cancellationToken));
}
