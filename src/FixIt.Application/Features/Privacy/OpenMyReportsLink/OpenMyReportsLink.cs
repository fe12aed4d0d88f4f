using FixIt.Application.Abstractions;
using FixIt.Application.Common.Tokens;
using FixIt.Domain.Privacy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Privacy.OpenMyReportsLink;

/// <summary>Whether a "My reports" link still works (for the page a mail scanner may open); throws <see cref="LinkTokenException"/> if not.</summary>
public sealed record CheckMyReportsLinkQuery(string Token) : IQuery<Unit>;

/// <summary>Uses a "My reports" link, once: returns the address it was sent to.</summary>
public sealed record OpenMyReportsLinkCommand(string Token) : ICommand<string>;

internal sealed class OpenMyReportsLinkHandler(IFixItDb db, TimeProvider clock)
    : IQueryHandler<CheckMyReportsLinkQuery, Unit>, ICommandHandler<OpenMyReportsLinkCommand, string>
{
    public async ValueTask<Unit> Handle(CheckMyReportsLinkQuery query, CancellationToken cancellationToken)
    {
        await RequireAsync(query.Token, cancellationToken);
        return Unit.Value;
    }

    public async ValueTask<string> Handle(OpenMyReportsLinkCommand command, CancellationToken cancellationToken)
    {
        var token = await RequireAsync(command.Token, cancellationToken);
        token.Use(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return token.Email;
    }

    private async Task<MyReportsToken> RequireAsync(string token, CancellationToken cancellationToken)
    {
        if (!LinkTokens.IsWellFormed(token))
        {
            throw new LinkTokenException(LinkTokenProblem.Unknown);
        }

        var hash = LinkTokens.HashOf(token);
        var stored = await db.MyReportsTokens.SingleOrDefaultAsync(t => t.Hash == hash, cancellationToken)
            ?? throw new LinkTokenException(LinkTokenProblem.Unknown);
        return stored.IsUsed ? throw new LinkTokenException(LinkTokenProblem.Used)
            : stored.IsExpiredAt(clock.GetUtcNow()) ? throw new LinkTokenException(LinkTokenProblem.Expired)
            : stored;
    }
}
