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
        Span<byte> random = stackalloc byte[TokenBytes];
        RandomNumberGenerator.Fill(random);
        var token = Base64Url.EncodeToString(random);
        return (token, new AccessToken(HashOf(token), purpose, reportId, now, now + lifetime, singleUse));
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The stored token for a link, tracked so the caller can use or revoke it; throws <see cref="LinkTokenException"/> otherwise.</summary>
    public static async Task<AccessToken> RequireAsync(IFixItDb db, string? token, TokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A malformed token cannot match any hash; do not spend a query on it.
        if (token is null || token.Length != TokenLength || !Base64Url.IsValid(token))
        {
            throw new LinkTokenException(LinkTokenProblem.Unknown);
        }

        var hash = HashOf(token);
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
