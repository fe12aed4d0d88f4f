using FixIt.Application.Features.Reports.Subscribe;
using FixIt.Domain.Messaging;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Features.Reports.ConfirmByEmail;
using FixIt.Web.Infrastructure;
using FixIt.Web.Infrastructure.Localization;
using FixIt.Web.Infrastructure.RateLimiting;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Features.Reports.Subscribe;

/// <summary>"Email me updates" on a report page, and the confirmation link that subscription sends (the flow: <see cref="ResidentLinkPages"/>).</summary>
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
    public static Task<IResult> Subscribe(int id, IMediator mediator, IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken) =>
        ResidentLinkPages.RequestAsync<SubscribeFormPage>(id, email => new SubscribeToReportCommand(id, email) { Language = RequestLanguage.Current },
            CheckYourEmail, mediator, antiforgery, context, cancellationToken);

    public static async Task<IResult> ConfirmSubscriptionPage(string token, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken)
    {
        var report = await ResidentLinkPages.ReportForAsync(token, TokenPurpose.Subscribe, mediator, cancellationToken);
        return new RazorComponentResult<ConfirmSubscriptionPage>(new { Report = report, Form = LinkPages.FormTokenFor(antiforgery, context) });
    }

    public static Task<IResult> ConfirmSubscription(string token, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken) =>
        ResidentLinkPages.ConfirmAsync(new ConfirmSubscriptionCommand(token), "Subscribed",
            "You will be emailed when this report is updated. Each email has a link to stop them.", mediator, antiforgery, context, cancellationToken);
}
