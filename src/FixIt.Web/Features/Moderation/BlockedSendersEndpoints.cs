using System.Security.Claims;
using FixIt.Application.Features.Moderation.BlockSender;
using FixIt.Application.Features.Moderation.ListBlockedSenders;
using FixIt.Application.Features.Moderation.UnblockSender;
using FixIt.Infrastructure.Staff;
using FixIt.Web.Features.Admin;
using FixIt.Web.Features.Staff.List;
using FixIt.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace FixIt.Web.Features.Moderation;

/// <summary>
/// The block list on the admin API (issue 14 item 7): admins only (a staff session or an admin key; moderators and
/// operator staff get 403). Unblocking with a staff session needs the password typed in the last five minutes.
/// </summary>
internal static class BlockedSendersEndpoints
{
    public static RouteGroupBuilder MapBlockedSenders(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/blocked-senders").WithTags("Admin: moderation");
        group.MapGet("", ListBlockedSenders).AdminOnly().WithName(nameof(ListBlockedSenders))
            .WithSummary("The block list, newest first");
        group.MapPost("", BlockSender).AdminOnly().WithName(nameof(BlockSender))
            .WithSummary("Block an email address or a whole domain: their reports stay hidden and unsent, their subscriptions and replies are dropped")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("", UnblockSender).AdminOnly().WithName(nameof(UnblockSender))
            .WithSummary("Take an address or domain off the block list").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    public static async Task<Ok<IReadOnlyList<BlockedSenderView>>> ListBlockedSenders(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListBlockedSendersQuery(), cancellationToken));

    public static async Task<Created<SenderBlocked>> BlockSender(BlockedSenderRequest? body, ClaimsPrincipal user, IMediator mediator,
        CancellationToken cancellationToken)
    {
        var blocked = await mediator.Send(new BlockSenderCommand(body?.Value, body?.Reason, StaffActors.From(user)), cancellationToken);
        return TypedResults.Created($"/api/admin/blocked-senders?value={Uri.EscapeDataString(blocked.Blocked.Value)}", blocked);
    }

    public static async Task<Results<Ok<BlockedSenderView>, ProblemHttpResult>> UnblockSender([FromBody] BlockedSenderRequest? body,
        ClaimsPrincipal user, UserManager<StaffUser> users, TimeProvider clock, IMediator mediator, CancellationToken cancellationToken)
    {
        if (StaffAuthentication.Caller(user) is not null && !await RecentPassword.IsTypedAsync(users, user, clock))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Confirm your password first.",
                detail: "Unblocking needs your password typed in the last five minutes: confirm it at /admin/reauthenticate.");
        }

        return TypedResults.Ok(await mediator.Send(new UnblockSenderCommand(body?.Value, body?.Reason, StaffActors.From(user)), cancellationToken));
    }
}

/// <summary>The body of POST and DELETE /api/admin/blocked-senders: an address or a domain, and why.</summary>
internal sealed record BlockedSenderRequest(string? Value, string? Reason);
