using FixIt.Application.Features.EmailLinks.CheckLink;
using FixIt.Application.Features.EmailLinks.ConfirmReport;
using FixIt.Application.Features.EmailLinks.RespondToReport;
using FixIt.Application.Features.EmailLinks.Unsubscribe;
using FixIt.Application.Features.Reports.GetReport;
using FixIt.Application.Common;
using FixIt.Domain.Messaging;
using FixIt.Web.Features.Reports.GetReport;
using FixIt.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Features.EmailLinks;

/// <summary>
/// The pages behind emailed links. Mail scanners follow links, so a GET only shows a form; the POST of that form
/// (with its antiforgery token) is what confirms, answers or unsubscribes.
/// </summary>
internal static class EmailLinksEndpoints
{
    public static IEndpointRouteBuilder MapEmailLinkPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").WithHtmlErrorPages();
        pages.MapGet("/confirm/{token}", ConfirmPage).WithName(nameof(ConfirmPage)).ExcludeFromDescription();
        pages.MapPost("/confirm/{token}", Confirm).WithName(nameof(Confirm)).ExcludeFromDescription();
        pages.MapGet("/respond/{token}/{action}", RespondPage).WithName(nameof(RespondPage)).ExcludeFromDescription();
        pages.MapPost("/respond/{token}/{action}", Respond).WithName(nameof(Respond)).ExcludeFromDescription();
        pages.MapGet("/unsubscribe/{token}", UnsubscribePage).WithName(nameof(UnsubscribePage)).ExcludeFromDescription();
        pages.MapPost("/unsubscribe/{token}", Unsubscribe).WithName(nameof(Unsubscribe)).ExcludeFromDescription();
        return app;
    }

    public static Task<IResult> ConfirmPage(string token, IMediator mediator, IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken) =>
        ShowAsync(token, TokenPurpose.Confirm, mediator, cancellationToken, report =>
            new RazorComponentResult<ConfirmPage>(new { Report = report, Form = LinkPages.FormTokenFor(antiforgery, context) }));

    public static async Task<IResult> Confirm(string token, IMediator mediator, IAntiforgery antiforgery, ReportNoticeCookie notices, HttpContext context,
        CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        // The report page then opens with the thank-you: what happens next and when to expect an answer.
        var confirmed = await mediator.Send(new ConfirmReportCommand(token), cancellationToken);
        notices.Set(context, confirmed.Id, ReportNotice.Confirmed);
        return TypedResults.Redirect(ReportPaths.Public(confirmed.Id), preserveMethod: false);
    }

    public static Task<IResult> RespondPage(string token, string action, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken)
    {
        if (OperatorActions.FromSlug(action) is not { } chosen)
        {
            return Task.FromResult<IResult>(LinkPages.Page("Link not found", "This link is not valid.", StatusCodes.Status404NotFound));
        }

        return ShowAsync(token, TokenPurpose.Respond, mediator, cancellationToken, report => chosen.AllowedFrom(report.Status)
            ? new RazorComponentResult<RespondPage>(new { Report = report, Action = chosen, Form = LinkPages.FormTokenFor(antiforgery, context) })
            : LinkPages.NotAllowed(chosen.RefusalFrom(report.Status, report.Id)));
    }

    public static async Task<IResult> Respond(string token, string action, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken)
    {
        if (OperatorActions.FromSlug(action) is not { } chosen)
        {
            return LinkPages.Page("Link not found", "This link is not valid.", StatusCodes.Status404NotFound);
        }

        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var text = context.Request.Form["text"].ToString();
        try
        {
            var responded = await mediator.Send(new RespondToReportCommand(token, chosen, text), cancellationToken);
            return TypedResults.Redirect($"/reports/{responded.Id}", preserveMethod: false);
        }
        catch (ValidationException ex)
        {
            return await ShowAsync(token, TokenPurpose.Respond, mediator, cancellationToken, report =>
                new RazorComponentResult<RespondPage>(new
                {
                    Report = report,
                    Action = chosen,
                    Form = LinkPages.FormTokenFor(antiforgery, context),
                    Error = string.Join(" ", ex.Errors.Select(e => e.ErrorMessage)),
                    Text = text,
                })
                { StatusCode = StatusCodes.Status400BadRequest });
        }
    }

    public static Task<IResult> UnsubscribePage(string token, IMediator mediator, IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken) =>
        ShowAsync(token, TokenPurpose.Unsubscribe, mediator, cancellationToken, report =>
            new RazorComponentResult<UnsubscribePage>(new { Report = report, Form = LinkPages.FormTokenFor(antiforgery, context) }));

    public static async Task<IResult> Unsubscribe(string token, IMediator mediator, IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var reportId = await mediator.Send(new UnsubscribeCommand(token), cancellationToken);
        return LinkPages.Page("Unsubscribed", "You will get no more emails about this report.", StatusCodes.Status200OK, reportId);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068", Justification = "The page to render reads best as the last argument, after the token it needs.")]
    private static async Task<IResult> ShowAsync(string token, TokenPurpose purpose, IMediator mediator, CancellationToken cancellationToken,
        Func<ReportView, IResult> page)
    {
        var reportId = await mediator.Send(new CheckLinkQuery(token, purpose), cancellationToken);
        return page(await mediator.Send(new GetReportQuery(reportId) { ShownByLink = true }, cancellationToken));
    }
}
