using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Moderation.ListBlockedSenders;
using FixIt.Domain.Moderation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Moderation.UnblockSender;

/// <summary>
/// An admin takes an address or domain off the block list. What the block did stays done (hidden reports stay hidden
/// until a moderator unhides each, ended subscriptions stay ended); from now on the sender is treated like anyone.
/// The page and a staff session need the admin's password typed in the last five minutes (the endpoint checks).
/// </summary>
/// <remarks>Errors: 400 naming <c>value</c> or <c>reason</c>; 404 when the value is not on the list.</remarks>
public sealed record UnblockSenderCommand(string? Value, string? Reason, StaffActor Actor) : ICommand<BlockedSenderView>;

internal sealed class UnblockSenderValidator : AbstractValidator<UnblockSenderCommand>
{
    public UnblockSenderValidator()
    {
        RuleFor(c => c.Value).BlockListValue();
        RuleFor(c => c.Reason).Reason();
    }
}

internal sealed class UnblockSenderHandler(IFixItDb db, TimeProvider clock) : ICommandHandler<UnblockSenderCommand, BlockedSenderView>
{
    public async ValueTask<BlockedSenderView> Handle(UnblockSenderCommand command, CancellationToken cancellationToken)
    {
        var (value, _) = SenderBlockList.Parse(command.Value)!.Value;
        var blocked = await db.BlockedSenders.SingleOrDefaultAsync(b => b.Value == value, cancellationToken)
            ?? throw new NotFoundException("Blocked sender", value);
        var view = BlockedSenderView.Of(blocked);
        db.BlockedSenders.Remove(blocked);
        db.AuditEntries.Add(new AuditEntry(command.Actor, AuditActions.UnblockSender, clock.GetUtcNow(), command.Reason, target: value,
            before: ModerationRules.Json(new Dictionary<string, object?>
            {
                ["value"] = value,
                ["kind"] = blocked.Kind.ToString(),
                ["reason"] = blocked.Reason,
                ["blockedAt"] = blocked.BlockedAt,
                ["blockedBy"] = blocked.BlockedByName,
            })));
        await db.SaveChangesAsync(cancellationToken);
        return view;
    }
}
