using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using FixIt.Application.Abstractions;
using FixIt.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Common.Tokens;

/// <summary>Issues and checks the tokens in emailed links: 256 random bits, base64url in the link, SHA-256 in the database.</summary>
public static class LinkTokens
{
    private const int TokenBytes = 32;
    private static readonly int TokenLength = Base64Url.GetEncodedLength(TokenBytes);

    public static (string Token, AccessToken Stored) Issue(TokenPurpose purpose, int reportId, TimeSpan lifetime, DateTimeOffset now, bool singleUse)
    {
        var (token, hash) = NewToken();
        return (token, new AccessToken(hash, purpose, reportId, now, now + lifetime, singleUse));
    }

    /// <summary>A new token and its hash, for links stored elsewhere than <see cref="AccessToken"/> (alert links).</summary>
    public static (string Token, string Hash) NewToken()
    {
        Span<byte> random = stackalloc byte[TokenBytes];
        RandomNumberGenerator.Fill(random);
        var token = Base64Url.EncodeToString(random);
        return (token, HashOf(token));
    }

    /// <summary>Whether the text has a token's shape; a malformed one cannot match any hash, so no query is spent on it.</summary>
    public static bool IsWellFormed(string? token) => token is not null && token.Length == TokenLength && Base64Url.IsValid(token);

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The stored token for a link, tracked so the caller can use or revoke it; throws <see cref="LinkTokenException"/> otherwise.</summary>
    public static async Task<AccessToken> RequireAsync(IFixItDb db, string? token, TokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A malformed token cannot match any hash; do not spend a query on it.
        if (!IsWellFormed(token))
        {
            throw new LinkTokenException(LinkTokenProblem.Unknown);
        }

        var hash = HashOf(token!);
        var stored = await db.AccessTokens.SingleOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        if (stored is null || stored.Purpose != purpose)
        {
            throw new LinkTokenException(LinkTokenProblem.Unknown);
        }

        return stored.StateAt(now) switch
        {
            TokenState.Valid => stored,
            TokenState.Expired => throw new LinkTokenException(LinkTokenProblem.Expired),
            TokenState.Used => throw new LinkTokenException(LinkTokenProblem.Used),
            _ => throw new LinkTokenException(LinkTokenProblem.Revoked),
        };
    }
}

public enum LinkTokenProblem
{
    Unknown,
    Expired,
    Used,
    Revoked,
}
