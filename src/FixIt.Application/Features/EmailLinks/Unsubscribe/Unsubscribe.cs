using FixIt.Application.Abstractions;
using FixIt.Application.Common.Tokens;
using FixIt.Domain.Messaging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.EmailLinks.Unsubscribe;

/// <summary>The reporter, or a subscriber, wants no more updates about a report. Repeating it is harmless.</summary>
public sealed record UnsubscribeCommand(string Token) : ICommand<int>;

internal sealed class UnsubscribeHandler(IFixItDb db, TimeProvider clock) : ICommandHandler<UnsubscribeCommand, int>
{
    public async ValueTask<int> Handle(UnsubscribeCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = await LinkTokens.RequireAsync(db, command.Token, TokenPurpose.Unsubscribe, now, cancellationToken);
        if (token.SubscriptionId is { } subscriptionId)
        {
            var subscription = await db.ReportSubscriptions.SingleAsync(s => s.Id == subscriptionId, cancellationToken);
            subscription.Unsubscribe(now);
            token.Use(now);
            await db.SaveChangesAsync(cancellationToken);
            return token.ReportId;
        }

        var email = await db.Reports.Where(r => r.Id == token.ReportId).Select(r => r.ReporterEmail).SingleAsync(cancellationToken);
        if (!await db.MailOptOuts.AnyAsync(o => o.ReportId == token.ReportId && o.Email == email, cancellationToken))
        {
            db.MailOptOuts.Add(new MailOptOut(token.ReportId, email, now));
            token.Use(now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return token.ReportId;
    }
}
