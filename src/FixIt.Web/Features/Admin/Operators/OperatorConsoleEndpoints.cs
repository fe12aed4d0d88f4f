using FixIt.Application.Common;
using FixIt.Application.Features.Admin.Categories.ListAllCategories;
using FixIt.Application.Features.Admin.Operators.ListOperators;
using FixIt.Application.Features.Admin.Operators.MarkContactFixed;
using FixIt.Application.Features.Admin.Operators.SaveOperator;
using FixIt.Web.Features.Admin.SignIn;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Features.Admin.Operators;

/// <summary>
/// The console's operator pages (docs/console.md): list, create, edit (contacts, targets, escalation, deactivate) and
/// "mark as fixed" for a bouncing contact. They send the admin API's commands (<c>PUT /api/admin/operators/{slug}</c>).
/// </summary>
internal static class OperatorConsoleEndpoints
{
    public static IEndpointRouteBuilder MapOperatorAdminPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/admin").ExcludeFromDescription().RequireAuthorization(AdminSignIn.PagePolicy).WithHtmlErrorPages();
        pages.MapGet("/operators", OperatorListPage).WithName(nameof(OperatorListPage));
        pages.MapGet("/operators/new", NewOperatorPage).WithName(nameof(NewOperatorPage));
        pages.MapPost("/operators/new", CreateOperator).WithName(nameof(CreateOperator));
        pages.MapGet("/operators/{slug}", EditOperatorPage).WithName(nameof(EditOperatorPage));
        pages.MapPost("/operators/{slug}", UpdateOperator).WithName(nameof(UpdateOperator));
        pages.MapPost("/operators/{slug}/contacts/{id:int}/fixed", MarkContactFixed).WithName(nameof(MarkContactFixed));
        return app;
    }

    public static async Task<RazorComponentResult<OperatorListPage>> OperatorListPage(IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken) =>
        new(new
        {
            Operators = await mediator.Send(new ListOperatorsQuery(AdminCaller.Admin), cancellationToken),
            Form = LinkPages.FormTokenFor(antiforgery, context),
        });

    public static Task<RazorComponentResult<OperatorEditPage>> NewOperatorPage(IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken) =>
        Page(mediator, antiforgery, context, OperatorForm.Empty, isNew: true, null, [], StatusCodes.Status200OK, cancellationToken);

    public static async Task<RazorComponentResult<OperatorEditPage>> EditOperatorPage(string slug, string? done, IMediator mediator,
        IAntiforgery antiforgery, HttpContext context, IStringLocalizer<ConsolePages> l, CancellationToken cancellationToken)
    {
        var view = (await mediator.Send(new ListOperatorsQuery(AdminCaller.Admin, slug), cancellationToken))[0];
        return await Page(mediator, antiforgery, context, OperatorForm.Of(view), isNew: false, Done(done, l), [], StatusCodes.Status200OK, cancellationToken);
    }

    public static Task<IResult> CreateOperator(IMediator mediator, IAntiforgery antiforgery, HttpContext context, IStringLocalizer<ConsolePages> l,
        CancellationToken cancellationToken) =>
        Save(null, mediator, antiforgery, context, l, cancellationToken);

    public static async Task<IResult> UpdateOperator(string slug, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        IStringLocalizer<ConsolePages> l, CancellationToken cancellationToken)
    {
        // Editing never creates: an unknown slug is a 404, not a new operator.
        _ = await mediator.Send(new ListOperatorsQuery(AdminCaller.Admin, slug), cancellationToken);
        return await Save(slug, mediator, antiforgery, context, l, cancellationToken);
    }

    public static async Task<IResult> MarkContactFixed(string slug, int id, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        await mediator.Send(new MarkContactFixedCommand(slug, id), cancellationToken);
        return TypedResults.Redirect($"/admin/operators/{Uri.EscapeDataString(slug)}?done=fixed", preserveMethod: false);
    }

    private static async Task<IResult> Save(string? slug, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        IStringLocalizer<ConsolePages> l, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var form = OperatorForm.From(await context.Request.ReadFormAsync(cancellationToken), slug);
        var (command, rows, errors) = form.ToCommand(l);
        var contactRows = new Dictionary<string, IReadOnlyList<int>> { ["Contacts"] = rows };
        if (slug is null && (await mediator.Send(new ListOperatorsQuery(AdminCaller.Admin), cancellationToken)).Any(o => o.Slug == form.Slug))
        {
            // The API's PUT creates or replaces; the "new operator" form never replaces one by accident.
            errors["Slug"] = [l["There is already an operator '{0}'; open it from the list to change it.", form.Slug]];
        }

        if (errors.Count > 0)
        {
            // A target that is not a number: the command's own validator still names every other problem at once.
            foreach (var validator in context.RequestServices.GetServices<IValidator<SaveOperatorCommand>>())
            {
                var result = await validator.ValidateAsync(command, cancellationToken);
                ConsoleForms.Merge(errors, ConsoleForms.ErrorsOf(new ValidationException(result.Errors), contactRows));
            }
        }
        else
        {
            try
            {
                var saved = await mediator.Send(command, cancellationToken);
                return TypedResults.Redirect($"/admin/operators/{saved.Slug}?done={(slug is null ? "created" : "saved")}", preserveMethod: false);
            }
            catch (ValidationException ex)
            {
                errors = ConsoleForms.ErrorsOf(ex, contactRows);
            }
        }

        return await Page(mediator, antiforgery, context, form, slug is null, null, errors, StatusCodes.Status400BadRequest, cancellationToken);
    }

    private static string? Done(string? done, IStringLocalizer<ConsolePages> l) => done switch
    {
        "created" => l["The operator is created."].Value,
        "saved" => l["Saved."].Value,
        "fixed" => l["The contact is marked as fixed: mail to it is expected to arrive again."].Value,
        _ => null,
    };

    private static async Task<RazorComponentResult<OperatorEditPage>> Page(IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        OperatorForm form, bool isNew, string? done, Dictionary<string, string[]> errors, int status, CancellationToken cancellationToken)
    {
        var view = isNew ? null : (await mediator.Send(new ListOperatorsQuery(AdminCaller.Admin, form.Slug), cancellationToken))[0];
        return new(new
        {
            Model = form,
            IsNew = isNew,
            Saved = view,
            Categories = await mediator.Send(new ListAllCategoriesQuery(), cancellationToken),
            Form = LinkPages.FormTokenFor(antiforgery, context),
            Done = done,
            Errors = errors,
        })
        {
            StatusCode = status,
        };
    }
}
