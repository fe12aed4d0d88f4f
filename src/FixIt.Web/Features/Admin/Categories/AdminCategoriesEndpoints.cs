using FixIt.Application.Features.Admin.Categories;
using FixIt.Application.Features.Admin.Categories.ListAllCategories;
using FixIt.Application.Features.Admin.Categories.SaveCategory;
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
        var saved = await mediator.Send(body.ToCommand(code), cancellationToken);
        return TypedResults.Ok(saved);
    }
}

/// <summary>The JSON body of PUT /api/admin/categories/{code}; a category is active unless it says otherwise.</summary>
internal sealed record CategoryRequest(string? Name, string? Group, string? Description, bool? IsActive,
    IReadOnlyList<ExtraQuestionRequest?>? ExtraQuestions)
{
    public SaveCategoryCommand ToCommand(string code) =>
        new(code, Name, Group, Description, IsActive ?? true, ExtraQuestions?.Select(q => q?.ToQuestion()!).ToList());
}

/// <summary>
/// One extra question (an Open311 attribute). Missing members take the stored question's defaults (data type "string",
/// not required, order 0, no values), so validation names what is wrong with the question, as it does for the command.
/// </summary>
internal sealed record ExtraQuestionRequest(string? Code, string? Question, string? DataType, bool Required, int Order, string? Description,
    IReadOnlyList<ExtraQuestionValueRequest?>? Values)
{
    public ExtraQuestion ToQuestion() => new()
    {
        Code = Code!, Question = Question!, DataType = DataType ?? "string", Required = Required, Order = Order, Description = Description,
        Values = Values?.Select(v => v is null ? null! : new ExtraQuestionValue { Key = v.Key!, Name = v.Name! }).ToList() ?? [],
    };
}

/// <summary>One answer a list question offers: the key stored and the name shown.</summary>
internal sealed record ExtraQuestionValueRequest(string? Key, string? Name);
