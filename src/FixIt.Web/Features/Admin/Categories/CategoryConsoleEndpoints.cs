using FixIt.Application.Common;
using FixIt.Application.Features.Admin.Categories.ListAllCategories;
using FixIt.Web.Features.Admin.SignIn;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Features.Admin.Categories;

/// <summary>
/// The console's category pages (docs/console.md): list, create, edit, retire, extra questions with a preview of how the
/// resident's form asks them. They send the admin API's command (<c>PUT /api/admin/categories/{code}</c>). Categories are
/// never deleted: reports keep theirs; a retired one is no longer offered.
/// </summary>
internal static class CategoryConsoleEndpoints
{
    public static IEndpointRouteBuilder MapCategoryConsole(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/admin").ExcludeFromDescription().RequireAuthorization(AdminSignIn.PagePolicy).WithHtmlErrorPages();
        pages.MapGet("/categories", CategoryListPage).WithName(nameof(CategoryListPage));
        pages.MapGet("/categories/new", NewCategoryPage).WithName(nameof(NewCategoryPage));
        pages.MapPost("/categories/new", CreateCategory).WithName(nameof(CreateCategory));
        // The preview alone, for the page's script: the same rendering the no-script "Preview" button shows in the page.
        pages.MapPost("/categories/preview", PreviewQuestions).WithName(nameof(PreviewQuestions));
        pages.MapGet("/categories/{code}", EditCategoryPage).WithName(nameof(EditCategoryPage));
        pages.MapPost("/categories/{code}", UpdateCategory).WithName(nameof(UpdateCategory));
        return app;
    }

    public static async Task<RazorComponentResult<CategoryListPage>> CategoryListPage(IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken) =>
        new(new
        {
            Categories = await mediator.Send(new ListAllCategoriesQuery(), cancellationToken),
            Form = LinkPages.FormTokenFor(antiforgery, context),
        });

    public static RazorComponentResult<CategoryEditPage> NewCategoryPage(IAntiforgery antiforgery, HttpContext context) =>
        Page(antiforgery, context, CategoryForm.Empty, isNew: true, null, [], StatusCodes.Status200OK);

    public static async Task<RazorComponentResult<CategoryEditPage>> EditCategoryPage(string code, string? done, IMediator mediator,
        IAntiforgery antiforgery, HttpContext context, IStringLocalizer<ConsolePages> l, CancellationToken cancellationToken)
    {
        var view = await FindAsync(mediator, code, cancellationToken);
        return Page(antiforgery, context, CategoryForm.Of(view), isNew: false, done switch
        {
            "created" => l["The category is created."].Value,
            "saved" => l["Saved."].Value,
            _ => null,
        }, [], StatusCodes.Status200OK);
    }

    public static Task<IResult> CreateCategory(IMediator mediator, IAntiforgery antiforgery, HttpContext context, IStringLocalizer<ConsolePages> l,
        CancellationToken cancellationToken) =>
        Save(null, mediator, antiforgery, context, l, cancellationToken);

    public static async Task<IResult> UpdateCategory(string code, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        IStringLocalizer<ConsolePages> l, CancellationToken cancellationToken)
    {
        _ = await FindAsync(mediator, code, cancellationToken);
        return await Save(code, mediator, antiforgery, context, l, cancellationToken);
    }

    public static async Task<IResult> PreviewQuestions(IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return TypedResults.BadRequest();
        }

        var form = CategoryForm.From(await context.Request.ReadFormAsync(cancellationToken), null);
        return new RazorComponentResult<QuestionPreview>(new { Model = form });
    }

    private static async Task<IResult> Save(string? code, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        IStringLocalizer<ConsolePages> l, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var posted = await context.Request.ReadFormAsync(cancellationToken);
        var form = CategoryForm.From(posted, code);
        if (posted.ContainsKey("preview"))
        {
            // "Preview" without script: the page again, as typed, with the preview of the typed questions; nothing saved.
            return Page(antiforgery, context, form, code is null, l["This is a preview: nothing is saved until you press Save."], [], StatusCodes.Status200OK);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (code is null && (await mediator.Send(new ListAllCategoriesQuery(), cancellationToken)).Any(c => c.Code == form.Code))
        {
            errors["Code"] = [l["There is already a category '{0}'; open it from the list to change it.", form.Code]];
        }
        else
        {
            try
            {
                var saved = await mediator.Send(form.ToCommand(), cancellationToken);
                return TypedResults.Redirect($"/admin/categories/{saved.Code}?done={(code is null ? "created" : "saved")}", preserveMethod: false);
            }
            catch (ValidationException ex)
            {
                errors = ConsoleForms.ErrorsOf(ex, new Dictionary<string, IReadOnlyList<int>> { ["ExtraQuestions"] = form.KeptRows });
            }
        }

        return Page(antiforgery, context, form, code is null, null, errors, StatusCodes.Status400BadRequest);
    }

    private static async Task<Application.Features.Admin.Categories.CategoryAdminView> FindAsync(IMediator mediator, string code,
        CancellationToken cancellationToken) =>
        (await mediator.Send(new ListAllCategoriesQuery(), cancellationToken)).FirstOrDefault(c => c.Code == code)
        ?? throw new NotFoundException("Category", code);

    private static RazorComponentResult<CategoryEditPage> Page(IAntiforgery antiforgery, HttpContext context, CategoryForm form, bool isNew,
        string? done, Dictionary<string, string[]> errors, int status) =>
        new(new
        {
            Model = form,
            IsNew = isNew,
            Form = LinkPages.FormTokenFor(antiforgery, context),
            Done = done,
            Errors = errors,
        })
        {
            StatusCode = status,
        };
}
