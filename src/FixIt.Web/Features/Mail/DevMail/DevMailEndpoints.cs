using FixIt.Infrastructure.Mail;
using FixIt.Web.Components.Pages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Features.Mail.DevMail;

internal static class DevMailEndpoints
{
    /// <summary>The development mailbox: what the pickup transport wrote, with clickable links. Development only.</summary>
    public static IEndpointRouteBuilder MapDevMailbox(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dev/mail", DevMailboxPage).WithName(nameof(DevMailboxPage)).ExcludeFromDescription();
        app.MapGet("/dev/mail/{name}", DevMailPage).WithName(nameof(DevMailPage)).ExcludeFromDescription();
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
}
