using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Common.Tokens;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.Subscribe;

/// <summary>The subscriber confirms from the emailed link (the POST of its page); updates are mailed from then on.</summary>
public sealed record ConfirmSubscriptionCommand(string Token) : ICommand<int>;

internal sealed class ConfirmSubscriptionHandler(IFixItDb db, TimeProvider clock) : ICommandHandler<ConfirmSubscriptionCommand, int>
{
    public async ValueTask<int> Handle(ConfirmSubscriptionCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = await LinkTokens.RequireAsync(db, command.Token, TokenPurpose.Subscribe, now, cancellationToken);
        var status = await db.Reports.Where(r => r.Id == token.ReportId).Select(r => r.Status).SingleAsync(cancellationToken);
        if (!ReportStatusRules.IsPublic(status))
        {
            throw new NotFoundException("Report", token.ReportId);
        }

        var subscription = await db.ReportSubscriptions.SingleAsync(s => s.Id == token.SubscriptionId, cancellationToken);
        token.Use(now);

        // A blocked sender gets the same answer, and a subscription that never starts (ADR 0150).
        if (!await SenderBlockList.IsBlockedAsync(db, subscription.Email, cancellationToken))
        {
            subscription.Confirm(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return token.ReportId;
    }
}
