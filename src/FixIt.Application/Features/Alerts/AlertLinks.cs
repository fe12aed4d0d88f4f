using FixIt.Application.Abstractions;
using FixIt.Application.Common.Tokens;
using FixIt.Domain.Alerts;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Alerts;

/// <summary>Alert link tokens: made and checked as every emailed link's (<see cref="LinkTokens"/>), stored as <see cref="AlertToken"/> rows.</summary>
public static class AlertLinks
{
    /// <summary>Adds a token for the alert to the unit of work and returns the text for the link.</summary>
    public static string Issue(IFixItDb db, AreaAlert alert, AlertTokenPurpose purpose, TimeSpan lifetime, DateTimeOffset now)
    {
        var (token, hash) = LinkTokens.NewToken();
        db.AlertTokens.Add(new AlertToken(hash, purpose, alert, now, now + lifetime));
        return token;
    }

    /// <summary>The stored token with its alert, tracked; a <see cref="LinkTokenException"/> when it cannot be used.</summary>
    public static async Task<AlertToken> RequireAsync(IFixItDb db, string? token, AlertTokenPurpose purpose, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (!LinkTokens.IsWellFormed(token))
        {
            throw new LinkTokenException(LinkTokenProblem.Unknown);
        }

        var hash = LinkTokens.HashOf(token!);
        var stored = await db.AlertTokens.Include(t => t.Alert).ThenInclude(a => a!.Categories)
            .SingleOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        return stored is null || stored.Purpose != purpose ? throw new LinkTokenException(LinkTokenProblem.Unknown)
            : stored.IsUsed ? throw new LinkTokenException(LinkTokenProblem.Used)
            : stored.IsExpired(now) ? throw new LinkTokenException(LinkTokenProblem.Expired)
            : stored;
    }

    /// <summary>Moves the alert version, so every instance rebuilds its index before it next matches a report.</summary>
    public static Task BumpVersionAsync(IFixItDb db, CancellationToken cancellationToken) =>
        db.AlertVersions.Where(v => v.Id == AlertVersion.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), cancellationToken);
}
