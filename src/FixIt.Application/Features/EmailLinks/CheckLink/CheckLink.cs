using FixIt.Application.Abstractions;
using FixIt.Application.Common.Tokens;
using FixIt.Domain.Messaging;
using Mediator;

namespace FixIt.Application.Features.EmailLinks.CheckLink;

/// <summary>What a GET of an emailed link needs: which report the token is for, if it may still be used. Changes nothing.</summary>
public sealed record CheckLinkQuery(string Token, TokenPurpose Purpose) : IQuery<int>;

internal sealed class CheckLinkHandler(IFixItDb db, TimeProvider clock) : IQueryHandler<CheckLinkQuery, int>
{
    public async ValueTask<int> Handle(CheckLinkQuery query, CancellationToken cancellationToken)
    {
        var token = await LinkTokens.RequireAsync(db, query.Token, query.Purpose, clock.GetUtcNow(), cancellationToken);
        return token.ReportId;
    }
}
