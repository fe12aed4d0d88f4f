using System.Security.Cryptography;
using System.Text;
using FixIt.Application.Common.Tokens;
using FixIt.Domain.Messaging;

namespace FixIt.UnitTests.Mail;

public sealed class LinkTokensTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Issued_token_is_256_bits_in_base64url_and_only_its_sha256_is_stored()
    {
        var (token, stored) = LinkTokens.Issue(TokenPurpose.Confirm, 7, TimeSpan.FromDays(1), Now, singleUse: true);

        Assert.Equal(43, token.Length);
        Assert.Equal(32, Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + "=").Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), stored.Hash);
        Assert.DoesNotContain(token, stored.Hash, StringComparison.Ordinal);
        Assert.Equal(TokenPurpose.Confirm, stored.Purpose);
        Assert.Equal(7, stored.ReportId);
        Assert.Equal(Now.AddDays(1), stored.ExpiresAt);
    }

    [Fact]
    public void Tokens_are_never_repeated()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => LinkTokens.Issue(TokenPurpose.Respond, 1, TimeSpan.FromDays(1), Now, false).Token);

        Assert.Equal(1000, tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Single_use_token_is_used_after_use_and_a_reusable_one_stays_valid()
    {
        var (_, confirm) = LinkTokens.Issue(TokenPurpose.Confirm, 1, TimeSpan.FromDays(1), Now, singleUse: true);
        var (_, unsubscribe) = LinkTokens.Issue(TokenPurpose.Unsubscribe, 1, TimeSpan.FromDays(1), Now, singleUse: false);

        confirm.Use(Now);
        unsubscribe.Use(Now);

        Assert.Equal(TokenState.Used, confirm.StateAt(Now));
        Assert.Equal(TokenState.Valid, unsubscribe.StateAt(Now));
    }

    [Fact]
    public void Token_expires_at_its_expiry_and_revocation_wins_over_everything()
    {
        var (_, token) = LinkTokens.Issue(TokenPurpose.Respond, 1, TimeSpan.FromHours(1), Now, singleUse: false);

        Assert.Equal(TokenState.Valid, token.StateAt(Now.AddMinutes(59)));
        Assert.Equal(TokenState.Expired, token.StateAt(Now.AddHours(1)));
        token.Revoke(Now);
        Assert.Equal(TokenState.Revoked, token.StateAt(Now));
    }
}
