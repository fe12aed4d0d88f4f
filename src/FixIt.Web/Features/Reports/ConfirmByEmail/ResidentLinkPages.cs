using FixIt.Application.Common;
using FixIt.Application.Features.EmailLinks.CheckLink;
using FixIt.Application.Features.Reports.GetReport;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Features.Reports.ConfirmByEmail;

/// <summary>
/// The web half of the one flow behind a resident's update, following and "me too" (ADR 0216): the report page's form
/// that asks for the emailed link, the link's page, and its POST. Each action's endpoints give only what differs: the
/// command, the words, the form shown again and the page behind the link. Used, expired and unknown links answer
/// through <see cref="HtmlErrorPages"/>, the same for all three.
/// </summary>
internal static class ResidentLinkPages
{
    /// <summary>
    /// The POST of a report page's "email me a link" form. The same answer (<paramref name="checkYourEmail"/>) whatever the
    /// address, and for a bot caught by the honeypot: only the owner's mailbox learns anything. A bad address shows
    /// <typeparamref name="TFormPage"/> again (parameters Report, Form, Email, Error), unless <paramref name="refuse"/>
    /// throws for the report (an action the report no longer takes).
    /// </summary>
    public static async Task<IResult> RequestAsync<TFormPage>(int id, Func<string, ICommand> command, string checkYourEmail, IMediator mediator,
        IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken, Action<ReportView>? refuse = null)
        where TFormPage : IComponent
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.Page("Form expired", "The form could not be checked (it may have expired). Go back, reload the page and try again.",
                StatusCodes.Status400BadRequest, id);
        }

        if (Honeypot.Caught(context.Request.Form, context))
        {
            return LinkPages.Page("Check your email", checkYourEmail, StatusCodes.Status200OK, id);
        }

        // Stray spaces from a paste are not the person's fault.
        var email = context.Request.Form["email"].ToString().Trim();
        try
        {
            await mediator.Send(command(email), cancellationToken);
            return LinkPages.Page("Check your email", checkYourEmail, StatusCodes.Status200OK, id);
        }
        catch (ValidationException ex)
        {
            var report = await mediator.Send(new GetReportQuery(id), cancellationToken);
            if (!ReportStatusRules.IsPublic(report.Status))
            {
                throw new NotFoundException("Report", id);
            }

            refuse?.Invoke(report);
            return new RazorComponentResult<TFormPage>(new
            {
                Report = report, Form = LinkPages.FormTokenFor(antiforgery, context), Email = email,
                Error = string.Join(" ", ex.Errors.Select(e => e.ErrorMessage).Distinct()),
            })
            { StatusCode = StatusCodes.Status400BadRequest };
        }
    }

    /// <summary>The report an emailed link of this purpose is for, while the link may still be used (else the link's problem page).</summary>
    public static async Task<ReportView> ReportForAsync(string token, TokenPurpose purpose, IMediator mediator, CancellationToken cancellationToken)
    {
        var reportId = await mediator.Send(new CheckLinkQuery(token, purpose), cancellationToken);
        return await mediator.Send(new GetReportQuery(reportId), cancellationToken);
    }

    /// <summary>The POST of a confirm link's page: the action's confirmation, then the page that says what it did.</summary>
    public static async Task<IResult> ConfirmAsync(ICommand<int> command, string title, string message, IMediator mediator, IAntiforgery antiforgery,
        HttpContext context, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var reportId = await mediator.Send(command, cancellationToken);
        return LinkPages.Page(title, message, StatusCodes.Status200OK, reportId);
    }
}
