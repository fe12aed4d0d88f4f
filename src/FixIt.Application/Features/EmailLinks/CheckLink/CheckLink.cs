using FixIt.Application.Abstractions;
using FixIt.Application.Common.Tokens;
using FixIt.Domain.Messaging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.EmailLinks.CheckLink;

/// <summary>What a GET of an emailed link needs: which report the token is for, if it may still be used. Changes nothing.</summary>
public sealed record CheckLinkQuery(string Token, TokenPurpose Purpose) : IQuery<int>;

internal sealed class CheckLinkHandler(IFixItDb db, TimeProvider clock) : IQueryHandler<CheckLinkQuery, int>
{
    public async ValueTask<int> Handle(CheckLinkQuery query, CancellationToken cancellationToken)
    {
        var token = await LinkTokens.RequireAsync(db, query.Token, query.Purpose, clock.GetUtcNow(), cancellationToken);

        // A follower's "still not fixed" (or "add an update") link speaks for them only while they follow: the page says so at once,
        // as its POST would (StillNotFixedCommand), rather than showing a form that cannot be sent.
        if (query.Purpose is TokenPurpose.Reopen or TokenPurpose.Update && token.SubscriptionId is { } subscriptionId
            && !await db.ReportSubscriptions.AnyAsync(s => s.Id == subscriptionId && s.ConfirmedAt != null && s.UnsubscribedAt == null, cancellationToken))
        {
            throw new LinkTokenException(LinkTokenProblem.Revoked);
        }

        return token.ReportId;
    }
}
