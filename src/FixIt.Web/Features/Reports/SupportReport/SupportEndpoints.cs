using FixIt.Application.Common;
using FixIt.Application.Features.EmailLinks.CheckLink;
using FixIt.Application.Features.Reports.GetReport;
using FixIt.Application.Features.Reports.SupportReport;
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

namespace FixIt.Web.Features.Reports.SupportReport;

/// <summary>"Me too" on a report page, and the confirmation link it sends.</summary>
internal static class SupportEndpoints
{
    private const string CheckYourEmail =
        "If the address is right, we have sent it an email with a link. You are counted once that link is used.";

    public static IEndpointRouteBuilder MapSupportPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").WithHtmlErrorPages();
        pages.MapPost("/reports/{id:int}/support", Support).WithName(nameof(Support)).ExcludeFromDescription()
            .RequireRateLimiting(RateLimitPolicies.Subscribe);
        pages.MapGet("/support/{token}", ConfirmSupportPage).WithName(nameof(ConfirmSupportPage)).ExcludeFromDescription();
        pages.MapPost("/support/{token}", ConfirmSupport).WithName(nameof(ConfirmSupport)).ExcludeFromDescription();
        return app;
    }

    // The same answer whatever the address: only its owner's mailbox learns whether it was already counted.
    public static async Task<IResult> Support(int id, IMediator mediator, IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken)
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

        var email = context.Request.Form["email"].ToString().Trim();
        try
        {
            await mediator.Send(new SupportReportCommand(id, email) { Language = RequestLanguage.Current }, cancellationToken);
            return LinkPages.Page("Check your email", CheckYourEmail, StatusCodes.Status200OK, id);
        }
        catch (ValidationException ex)
        {
            var report = await mediator.Send(new GetReportQuery(id), cancellationToken);
            if (!ReportStatusRules.IsPublic(report.Status))
            {
                throw new NotFoundException("Report", id);
            }

            if (!ReportStatusRules.CanSupport(report.Status))
            {
                throw InvalidTransitionException.NotSupportable(report.Status, id);
            }

            return new RazorComponentResult<SupportFormPage>(new
            {
                Report = report, Form = LinkPages.FormTokenFor(antiforgery, context), Email = email,
                Error = string.Join(" ", ex.Errors.Select(e => e.ErrorMessage)),
            })
            { StatusCode = StatusCodes.Status400BadRequest };
        }
    }

    public static async Task<IResult> ConfirmSupportPage(string token, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken)
    {
        var reportId = await mediator.Send(new CheckLinkQuery(token, TokenPurpose.Support), cancellationToken);
        var report = await mediator.Send(new GetReportQuery(reportId), cancellationToken);
        if (!ReportStatusRules.CanSupport(report.Status))
        {
            return LinkPages.NotAllowed(InvalidTransitionException.NotSupportable(report.Status, report.Id));
        }

        return new RazorComponentResult<ConfirmSupportPage>(new { Report = report, Form = LinkPages.FormTokenFor(antiforgery, context) });
    }

    public static async Task<IResult> ConfirmSupport(string token, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var reportId = await mediator.Send(new ConfirmSupportCommand(token), cancellationToken);
        return LinkPages.Page("Thank you", "You are counted as someone who has this problem too. The report shows how many people have it, never who they are.",
            StatusCodes.Status200OK, reportId);
    }
}
