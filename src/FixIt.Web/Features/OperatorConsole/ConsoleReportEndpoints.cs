using FixIt.Application.Common;
using FixIt.Application.Features.EmailLinks.RespondToReport;
using FixIt.Application.Features.OperatorConsole;
using FixIt.Application.Features.OperatorConsole.ResponseTemplates.ListResponseTemplates;
using FixIt.Application.Features.Operators.GetOperatorFigures;
using FixIt.Application.Features.Reports.GetReport;
using FixIt.Application.Features.Reports.StaffDecline;
using FixIt.Application.Features.Reports.StaffRespond;
using FixIt.Web.Features.Admin;
using FixIt.Web.Features.EmailLinks;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Features.OperatorConsole;

/// <summary>
/// One report in the console: answer it (a status change or a public note, starting from a response template if wanted) or
/// say "not ours". The same use cases as the report page's staff panel and the email links (<see cref="StaffRespondCommand"/>,
/// <see cref="StaffDeclineCommand"/> → the decline use case). Choosing a template without script is the "Use template"
/// button: the form comes back with the text filled in, and nothing is published until "Publish".
/// </summary>
internal static class ConsoleReportEndpoints
{
    public static RouteGroupBuilder MapConsoleReport(this RouteGroupBuilder console)
    {
        console.MapGet("/{slug}/reports/{id:int}", ConsoleReport).WithName(nameof(ConsoleReport));
        console.MapPost("/{slug}/reports/{id:int}/respond", ConsoleRespond).WithName(nameof(ConsoleRespond));
        console.MapPost("/{slug}/reports/{id:int}/not-ours", ConsoleDecline).WithName(nameof(ConsoleDecline));
        return console;
    }

    public static async Task<IResult> ConsoleReport(string slug, int id, string? done, HttpContext context, IMediator mediator, IAntiforgery antiforgery,
        IStringLocalizer<OperatorConsolePages> text, CancellationToken cancellationToken)
    {
        var (op, report) = await LoadAsync(slug, id, context, mediator, cancellationToken);
        var message = done switch
        {
            "answered" => text["Published on the report's page, and sent to the reporter and followers."].Value,
            _ => null,
        };
        return await PageAsync(op, report, new ResponseForm(null, null, null), "", [], message, StatusCodes.Status200OK, mediator, antiforgery, context,
            cancellationToken);
    }

    public static async Task<IResult> ConsoleRespond(string slug, int id, HttpContext context, IMediator mediator, IAntiforgery antiforgery,
        IStringLocalizer<OperatorConsolePages> text, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var (op, report) = await LoadAsync(slug, id, context, mediator, cancellationToken);
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var answer = new ResponseForm(form["action"].ToString(), form["text"].ToString(), form["template"].ToString());
        if (form["use"] == "template")
        {
            // No script: the chosen template fills the text (and chooses its status change); nothing is published yet.
            var templates = await mediator.Send(new ListResponseTemplatesQuery(op.Id, report.CategoryCode), cancellationToken);
            if (templates.FirstOrDefault(t => t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == answer.Template) is not { } chosen)
            {
                return await PageAsync(op, report, answer, "", new() { ["answer-template"] = [text["Choose a template to use."]] }, null,
                    StatusCodes.Status400BadRequest, mediator, antiforgery, context, cancellationToken);
            }

            var action = chosen.Status is { } to ? OperatorActions.All.First(a => a.TargetStatus() == to).Slug() : answer.Action;
            return await PageAsync(op, report, answer with { Action = action, Text = chosen.Text }, "", [], null, StatusCodes.Status200OK,
                mediator, antiforgery, context, cancellationToken);
        }

        if (OperatorActions.FromSlug(answer.Action) is not { } chosenAction || chosenAction == OperatorAction.NotOurs)
        {
            return await PageAsync(op, report, answer, "", new() { ["answer-action"] = [text["Choose what to do: a status, or a public note only."]] }, null,
                StatusCodes.Status400BadRequest, mediator, antiforgery, context, cancellationToken);
        }

        try
        {
            await mediator.Send(new StaffRespondCommand(id, OperatorConsoleAccess.Caller(context), chosenAction, answer.Text), cancellationToken);
        }
        catch (ValidationException ex)
        {
            return await PageAsync(op, report, answer, "", ConsoleForms.ErrorsOf(ex, "answer"), null, StatusCodes.Status400BadRequest, mediator, antiforgery, context,
                cancellationToken);
        }

        return TypedResults.Redirect($"/operator/{slug}/reports/{id}?done=answered", preserveMethod: false);
    }

    public static async Task<IResult> ConsoleDecline(string slug, int id, HttpContext context, IMediator mediator, IAntiforgery antiforgery,
        CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var (op, report) = await LoadAsync(slug, id, context, mediator, cancellationToken);
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var reason = form["reason"].ToString();
        try
        {
            await mediator.Send(new StaffDeclineCommand(id, op.Id, OperatorConsoleAccess.Caller(context), reason), cancellationToken);
        }
        catch (ValidationException ex)
        {
            return await PageAsync(op, report, new ResponseForm(null, null, null), reason, ConsoleForms.ErrorsOf(ex, "decline"), null, StatusCodes.Status400BadRequest,
                mediator, antiforgery, context, cancellationToken);
        }

        return TypedResults.Redirect($"/operator/{slug}?done=declined", preserveMethod: false);
    }

    /// <summary>The console's operator and one public report of it; another operator's report is the 403 page, never its data.</summary>
    private static async Task<(OperatorInfo Operator, ReportView Report)> LoadAsync(string slug, int id, HttpContext context, IMediator mediator,
        CancellationToken cancellationToken)
    {
        var op = await mediator.Send(new ConsoleOperatorQuery(slug, OperatorConsoleAccess.Caller(context)), cancellationToken);
        ReportView report;
        try
        {
            report = await mediator.Send(new GetReportQuery(id), cancellationToken);
        }
        catch (ReportRemovedException)
        {
            // Taken down by a moderator: for the console as for everyone else, it is not there to answer.
            throw new NotFoundException("Report", id);
        }

        return report.OperatorSlug == op.Slug ? (op, report) : throw new OutOfScopeException($"report {id}");
    }

    private static async Task<IResult> PageAsync(OperatorInfo op, ReportView report, ResponseForm answer, string reason,
        Dictionary<string, string[]> errors, string? done, int status, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken) =>
        new RazorComponentResult<ConsoleReportPage>(new
        {
            Operator = op,
            Report = report,
            Actions = OperatorActions.All.Where(a => a != OperatorAction.NotOurs && a.AllowedFrom(report.Status)).ToList(),
            Templates = await mediator.Send(new ListResponseTemplatesQuery(op.Id, report.CategoryCode), cancellationToken),
            Answer = answer,
            Reason = reason,
            Errors = errors,
            Done = done,
            Form = LinkPages.FormTokenFor(antiforgery, context),
        })
        {
            StatusCode = status,
        };
}

/// <summary>The answer form as it was sent (or as a template filled it): action slug, text, chosen template id.</summary>
public sealed record ResponseForm(string? Action, string? Text, string? Template);
