using FixIt.Application.Features.Mail.ListHeldMail;
using FixIt.Application.Features.Mail.ListMailProblems;
using FixIt.Infrastructure.Mail;
using FixIt.Web.Components.Pages;
using FixIt.Web.Components.Pages.Mail;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Features.DevMail;

internal static class DevMailEndpoints
{
    /// <summary>The development mailbox: what the pickup transport wrote, with clickable links. Development only.</summary>
    public static IEndpointRouteBuilder MapDevMailbox(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dev/mail", DevMailboxPage).WithName(nameof(DevMailboxPage)).ExcludeFromDescription();
        app.MapGet("/dev/mail/{name}", DevMailPage).WithName(nameof(DevMailPage)).ExcludeFromDescription();
        return app;
    }

    /// <summary>Emails that failed or wait for a retry (recipients masked); for admins signed in at /admin/sign-in.</summary>
    public static IEndpointRouteBuilder MapMailAdmin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/mail", MailProblemsPage).WithName(nameof(MailProblemsPage)).ExcludeFromDescription()
            .RequireAuthorization(Features.AdminPages.AdminSignIn.PagePolicy);
        return app;
    }

    public static async Task<RazorComponentResult<DevMailboxPage>> DevMailboxPage(DevMailbox mailbox, CancellationToken cancellationToken) =>
        new(new { Messages = await mailbox.ListAsync(200, cancellationToken), mailbox.Folder });

    public static async Task<IResult> DevMailPage(string name, DevMailbox mailbox, CancellationToken cancellationToken) =>
        await mailbox.GetAsync(name, cancellationToken) is { } mail
            ? new RazorComponentResult<DevMailPage>(new { Mail = mail })
            : new RazorComponentResult<NotFoundPage>(new { Message = "There is no such message in the development mailbox." })
            {
                StatusCode = StatusCodes.Status404NotFound,
            };

    public static async Task<RazorComponentResult<MailProblemsPage>> MailProblemsPage(IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken) =>
        new(new
        {
            Problems = await mediator.Send(new ListMailProblemsQuery(), cancellationToken),
            Held = await mediator.Send(new ListHeldMailQuery(), cancellationToken),
            SignOut = EmailLinks.LinkPages.FormTokenFor(antiforgery, context),
        });
}
