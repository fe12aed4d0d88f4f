using FixIt.Application.Features.Admin.Categories;
using FixIt.Domain.Categories;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Features.Admin.Categories;

internal static class AdminCategoriesEndpoints
{
    public static RouteGroupBuilder MapAdminCategories(this RouteGroupBuilder admin)
    {
        var categories = admin.MapGroup("/categories").WithTags("Admin: categories");
        categories.MapGet("/", ListAllCategories).WithName(nameof(ListAllCategories)).WithSummary("Every category, inactive ones too");
        categories.MapPut("/{code}", SaveCategory).AdminOnly().WithName(nameof(SaveCategory))
            .WithSummary("Create or replace a category and its extra questions").ProducesValidationProblem();
        return admin;
    }

    public static async Task<Ok<IReadOnlyList<CategoryAdminView>>> ListAllCategories(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListAllCategoriesQuery(), cancellationToken));

    public static async Task<Ok<CategoryAdminView>> SaveCategory(string code, CategoryRequest body, IMediator mediator,
        CancellationToken cancellationToken)
    {
        var saved = await mediator.Send(new SaveCategoryCommand(code, body.Name, body.Group, body.Description, body.IsActive ?? true,
            body.ExtraQuestions), cancellationToken);
        return TypedResults.Ok(saved);
    }
}

internal sealed record CategoryRequest(string? Name, string? Group, string? Description, bool? IsActive, IReadOnlyList<ExtraQuestion>? ExtraQuestions);
