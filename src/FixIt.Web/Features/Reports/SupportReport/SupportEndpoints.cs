using FixIt.Application.Features.Reports.SupportReport;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Features.Reports.ConfirmByEmail;
using FixIt.Web.Infrastructure;
using FixIt.Web.Infrastructure.Localization;
using FixIt.Web.Infrastructure.RateLimiting;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Features.Reports.SupportReport;

/// <summary>"Me too" on a report page, and the confirmation link it sends (the flow: <see cref="ResidentLinkPages"/>).</summary>
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
    public static Task<IResult> Support(int id, IMediator mediator, IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken) =>
        ResidentLinkPages.RequestAsync<SupportFormPage>(id, email => new SupportReportCommand(id, email) { Language = RequestLanguage.Current },
            CheckYourEmail, mediator, antiforgery, context, cancellationToken, refuse: report =>
            {
                if (!ReportStatusRules.CanSupport(report.Status))
                {
                    throw InvalidTransitionException.NotSupportable(report.Status, report.Id);
                }
            });

    public static async Task<IResult> ConfirmSupportPage(string token, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken)
    {
        var report = await ResidentLinkPages.ReportForAsync(token, TokenPurpose.Support, mediator, cancellationToken);
        if (!ReportStatusRules.CanSupport(report.Status))
        {
            return LinkPages.NotAllowed(InvalidTransitionException.NotSupportable(report.Status, report.Id));
        }

        return new RazorComponentResult<ConfirmSupportPage>(new { Report = report, Form = LinkPages.FormTokenFor(antiforgery, context) });
    }

    public static Task<IResult> ConfirmSupport(string token, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken) =>
        ResidentLinkPages.ConfirmAsync(new ConfirmSupportCommand(token), "Thank you",
            "You are counted as someone who has this problem too. The report shows how many people have it, never who they are.",
            mediator, antiforgery, context, cancellationToken);
}
