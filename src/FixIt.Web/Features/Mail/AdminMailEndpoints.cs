using FixIt.Application.Features.Mail.ListHeldMail;
using FixIt.Application.Features.Mail.ResendMail;
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
        mail.MapPost("/{id:long}/resend", ResendMail).AdminOnly().WithName(nameof(ResendMail))
            .WithSummary("Send a failed (or retrying) email again now").ProducesValidationProblem();
        return admin;
    }

    public static async Task<NoContent> ResendMail(long id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new ResendMailCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<HeldMailView>>> ListHeldMail(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListHeldMailQuery(), cancellationToken));
}
