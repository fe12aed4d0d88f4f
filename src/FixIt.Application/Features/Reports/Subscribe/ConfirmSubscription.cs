using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Reports.ConfirmByEmail;
using FixIt.Domain.Messaging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.Subscribe;

/// <summary>The subscriber confirms from the emailed link (the POST of its page); updates are mailed from then on.</summary>
public sealed record ConfirmSubscriptionCommand(string Token) : ICommand<int>;

internal sealed class ConfirmSubscriptionHandler(IFixItDb db, TimeProvider clock) : ICommandHandler<ConfirmSubscriptionCommand, int>
{
    public async ValueTask<int> Handle(ConfirmSubscriptionCommand command, CancellationToken cancellationToken) =>
        await ResidentLinks.ConfirmAsync(db, clock, command.Token, TokenPurpose.Subscribe, async (token, _, now) =>
        {
            var subscription = await db.ReportSubscriptions.SingleAsync(s => s.Id == token.SubscriptionId, cancellationToken);

            // A blocked sender gets the same answer, and a subscription that never starts (ADR 0150).
            if (!await SenderBlockList.IsBlockedAsync(db, subscription.Email, cancellationToken))
            {
                subscription.Confirm(now);
            }
        }, cancellationToken);
}
