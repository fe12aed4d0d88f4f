using FixIt.Application.Common;
using FixIt.Application.Features.EmailLinks.CheckLink;
using FixIt.Application.Features.Reports.GetReport;
using FixIt.Application.Features.Reports.Subscribe;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Infrastructure;
using FixIt.Web.Infrastructure.RateLimiting;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using FixIt.Web.Infrastructure.Localization;

namespace FixIt.Web.Features.Reports.Subscribe;

/// <summary>"Email me updates" on a report page, and the confirmation link that subscription sends.</summary>
internal static class SubscriptionEndpoints
{
    private const string CheckYourEmail =
        "If the address is right, we have sent it an email with a link. Updates start once that link is used.";

    public static IEndpointRouteBuilder MapSubscriptionPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").WithHtmlErrorPages();
        pages.MapPost("/reports/{id:int}/subscribe", Subscribe).WithName(nameof(Subscribe)).ExcludeFromDescription()
            .RequireRateLimiting(RateLimitPolicies.Subscribe);
        pages.MapGet("/subscribe/{token}", ConfirmSubscriptionPage).WithName(nameof(ConfirmSubscriptionPage)).ExcludeFromDescription();
        pages.MapPost("/subscribe/{token}", ConfirmSubscription).WithName(nameof(ConfirmSubscription)).ExcludeFromDescription();
        return app;
    }

    // The same answer whether or not the address already follows the report: only its owner's mailbox learns that.
    public static async Task<IResult> Subscribe(int id, IMediator mediator, IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.Page("Form expired", "The form could not be checked (it may have expired). Go back, reload the page and try again.",
                StatusCodes.Status400BadRequest, id);
        }

        if (Honeypot.Caught(context.Request.Form, context))
        {
            return LinkPages.Page("Check your email", CheckYourEmail, StatusCodes.Status200OK, id);
        }

        // Stray spaces from a paste are not the person's fault.
        var email = context.Request.Form["email"].ToString().Trim();
        try
        {
            await mediator.Send(new SubscribeToReportCommand(id, email) { Language = RequestLanguage.Current }, cancellationToken);
            return LinkPages.Page("Check your email", CheckYourEmail, StatusCodes.Status200OK, id);
        }
        catch (ValidationException ex)
        {
            var report = await mediator.Send(new GetReportQuery(id), cancellationToken);
            if (!ReportStatusRules.IsPublic(report.Status))
            {
                throw new NotFoundException("Report", id);
            }

            return new RazorComponentResult<SubscribeFormPage>(new
            {
                Report = report, Form = LinkPages.FormTokenFor(antiforgery, context), Email = email,
                Error = string.Join(" ", ex.Errors.Select(e => e.ErrorMessage)),
            })
            { StatusCode = StatusCodes.Status400BadRequest };
        }
    }

    public static async Task<IResult> ConfirmSubscriptionPage(string token, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken)
    {
        var reportId = await mediator.Send(new CheckLinkQuery(token, TokenPurpose.Subscribe), cancellationToken);
        var report = await mediator.Send(new GetReportQuery(reportId), cancellationToken);
        return new RazorComponentResult<ConfirmSubscriptionPage>(new { Report = report, Form = LinkPages.FormTokenFor(antiforgery, context) });
    }

    public static async Task<IResult> ConfirmSubscription(string token, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var reportId = await mediator.Send(new ConfirmSubscriptionCommand(token), cancellationToken);
        return LinkPages.Page("Subscribed", "You will be emailed when this report is updated. Each email has a link to stop them.",
            StatusCodes.Status200OK, reportId);
    }
}
