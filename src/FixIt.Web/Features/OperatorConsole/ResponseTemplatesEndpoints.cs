using FixIt.Application.Features.Categories.ListCategories;
using FixIt.Application.Features.OperatorConsole;
using FixIt.Application.Features.OperatorConsole.ResponseTemplates;
using FixIt.Application.Features.OperatorConsole.ResponseTemplates.ListResponseTemplates;
using FixIt.Application.Features.OperatorConsole.ResponseTemplates.SaveResponseTemplate;
using FixIt.Application.Features.Operators.GetOperatorFigures;
using FixIt.Domain.Reports;
using FixIt.Web.Features.Admin;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Features.Operators;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Features.OperatorConsole;

/// <summary>An operator's response templates: list and create at /operator/{slug}/templates, edit and delete one at …/templates/{id}.</summary>
internal static class ResponseTemplatesEndpoints
{
    public static RouteGroupBuilder MapResponseTemplates(this RouteGroupBuilder console)
    {
        console.MapGet("/{slug}/templates", ResponseTemplates).WithName(nameof(ResponseTemplates));
        console.MapPost("/{slug}/templates", CreateResponseTemplate).WithName(nameof(CreateResponseTemplate));
        console.MapGet("/{slug}/templates/{id:int}", ResponseTemplate).WithName(nameof(ResponseTemplate));
        console.MapPost("/{slug}/templates/{id:int}", EditResponseTemplate).WithName(nameof(EditResponseTemplate));
        console.MapPost("/{slug}/templates/{id:int}/delete", DeleteResponseTemplate).WithName(nameof(DeleteResponseTemplate));
        return console;
    }

    public static async Task<IResult> ResponseTemplates(string slug, string? done, HttpContext context, IMediator mediator, IAntiforgery antiforgery,
        IStringLocalizer<OperatorConsolePages> text, CancellationToken cancellationToken)
    {
        var op = await mediator.Send(new ConsoleOperatorQuery(slug, OperatorConsoleAccess.Caller(context)), cancellationToken);
        var message = done switch
        {
            "saved" => text["Template saved."].Value,
            "deleted" => text["Template deleted."].Value,
            _ => null,
        };
        return await ListAsync(op, TemplateForm.Empty, [], message, StatusCodes.Status200OK, mediator, antiforgery, context, cancellationToken);
    }

    public static Task<IResult> CreateResponseTemplate(string slug, HttpContext context, IMediator mediator, IAntiforgery antiforgery,
        IStringLocalizer<OperatorConsolePages> text, CancellationToken cancellationToken) =>
        SaveAsync(slug, null, context, mediator, antiforgery, text, cancellationToken);

    public static async Task<IResult> ResponseTemplate(string slug, int id, HttpContext context, IMediator mediator, IAntiforgery antiforgery,
        CancellationToken cancellationToken)
    {
        var op = await mediator.Send(new ConsoleOperatorQuery(slug, OperatorConsoleAccess.Caller(context)), cancellationToken);
        var template = await mediator.Send(new GetResponseTemplateQuery(op.Id, id), cancellationToken);
        return await EditAsync(op, id, TemplateForm.Of(template), [], StatusCodes.Status200OK, mediator, antiforgery, context, cancellationToken);
    }

    public static Task<IResult> EditResponseTemplate(string slug, int id, HttpContext context, IMediator mediator, IAntiforgery antiforgery,
        IStringLocalizer<OperatorConsolePages> text, CancellationToken cancellationToken) =>
        SaveAsync(slug, id, context, mediator, antiforgery, text, cancellationToken);

    // A new template (id null: errors on the list page's "new" form) or an edit of one (errors on its own page).
    private static async Task<IResult> SaveAsync(string slug, int? id, HttpContext context, IMediator mediator, IAntiforgery antiforgery,
        IStringLocalizer<OperatorConsolePages> text, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var caller = OperatorConsoleAccess.Caller(context);
        var op = await mediator.Send(new ConsoleOperatorQuery(slug, caller), cancellationToken);
        var form = TemplateForm.Read(await context.Request.ReadFormAsync(cancellationToken));
        try
        {
            await mediator.Send(form.ToCommand(op.Id, id, caller, text["Choose one of the statuses offered, or any."]), cancellationToken);
        }
        catch (ValidationException ex)
        {
            return id is { } existing
                ? await EditAsync(op, existing, form, ConsoleForms.ErrorsOf(ex, "edit"), StatusCodes.Status400BadRequest, mediator, antiforgery, context, cancellationToken)
                : await ListAsync(op, form, ConsoleForms.ErrorsOf(ex, "new"), null, StatusCodes.Status400BadRequest, mediator, antiforgery, context, cancellationToken);
        }

        return TypedResults.Redirect($"/operator/{slug}/templates?done=saved", preserveMethod: false);
    }

    public static async Task<IResult> DeleteResponseTemplate(string slug, int id, HttpContext context, IMediator mediator, IAntiforgery antiforgery,
        CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var caller = OperatorConsoleAccess.Caller(context);
        var op = await mediator.Send(new ConsoleOperatorQuery(slug, caller), cancellationToken);
        await mediator.Send(new DeleteResponseTemplateCommand(op.Id, id, caller), cancellationToken);
        return TypedResults.Redirect($"/operator/{slug}/templates?done=deleted", preserveMethod: false);
    }

    private static async Task<IResult> ListAsync(OperatorInfo op, TemplateForm form, Dictionary<string, string[]> errors, string? done, int status,
        IMediator mediator, IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken) =>
        new RazorComponentResult<ResponseTemplatesPage>(new
        {
            Operator = op,
            Templates = await mediator.Send(new ListResponseTemplatesQuery(op.Id), cancellationToken),
            Categories = await mediator.Send(new ListCategoriesQuery(), cancellationToken),
            Model = form,
            Errors = errors,
            Done = done,
            Form = LinkPages.FormTokenFor(antiforgery, context),
        })
        {
            StatusCode = status,
        };

    private static async Task<IResult> EditAsync(OperatorInfo op, int id, TemplateForm form, Dictionary<string, string[]> errors, int status,
        IMediator mediator, IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken) =>
        new RazorComponentResult<ResponseTemplatePage>(new
        {
            Operator = op,
            TemplateId = id,
            Categories = await mediator.Send(new ListCategoriesQuery(), cancellationToken),
            Model = form,
            Errors = errors,
            Form = LinkPages.FormTokenFor(antiforgery, context),
        })
        {
            StatusCode = status,
        };
}

/// <summary>The template form's fields as sent: title, text, category code ("" = any), status (the API's name, "" = any).</summary>
public sealed record TemplateForm(string Title, string Text, string Category, string Status)
{
    public static readonly TemplateForm Empty = new("", "", "", "");

    /// <summary>The status choices: any, then the operator's status changes (in English: the page looks them up).</summary>
    public static readonly IReadOnlyList<(string Value, string Text)> StatusChoices =
    [
        ("", "Any status change, or a note"),
        .. SaveResponseTemplateValidator.Statuses.Select(s => (ReportExports.StatusName(s), ReportStatusWording.Of(s))),
    ];

    public static TemplateForm Read(IFormCollection form) =>
        new(form["title"].ToString(), form["text"].ToString(), form["category"].ToString(), form["status"].ToString());

    public static TemplateForm Of(ResponseTemplateView t) =>
        new(t.Title, t.Text, t.CategoryCode ?? "", t.Status is { } s ? ReportExports.StatusName(s) : "");

    /// <summary>The use case's command; <paramref name="unknownStatus"/> is the error for a status not offered, in the reader's language.</summary>
    public SaveResponseTemplateCommand ToCommand(int operatorId, int? id, Application.Common.StaffCaller caller, string unknownStatus)
    {
        ReportStatus? status = null;
        if (Status.Length > 0)
        {
            status = SaveResponseTemplateValidator.Statuses.Where(s => ReportExports.StatusName(s) == Status).Cast<ReportStatus?>().FirstOrDefault()
                ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("status", unknownStatus)]);
        }

        return new SaveResponseTemplateCommand(operatorId, id, caller, Title, Text, Category.Length == 0 ? null : Category, status);
    }
}
