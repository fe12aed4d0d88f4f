using FixIt.Application.Features.Mail.ListHeldMail;
using FixIt.Web.Features.Admin;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Features.Mail;

internal static class AdminMailEndpoints
{
    public static RouteGroupBuilder MapAdminMail(this RouteGroupBuilder admin)
    {
        var mail = admin.MapGroup("/mail").WithTags("Admin: mail");
        mail.MapGet("/held", ListHeldMail).AdminOnly().WithName(nameof(ListHeldMail))
            .WithSummary("Replies held for moderation: sent under a reply address by someone other than its recipient");
        return admin;
    }

    public static async Task<Ok<IReadOnlyList<HeldMailView>>> ListHeldMail(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListHeldMailQuery(), cancellationToken));
}
