using System.Buffers.Binary;
using System.Security.Cryptography;
using FixIt.Domain.Access;
using FixIt.Infrastructure.Persistence;
using FixIt.Infrastructure.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.IntegrationTests.Infrastructure;

/// <summary>A staff account made for a test: what its person types to sign in.</summary>
public sealed record StaffLogin(int Id, string Email, string Password, string? AuthenticatorKey)
{
    /// <summary>The app's clock when it runs on a fake one: TOTP codes are checked against the app's time.</summary>
    public TimeProvider? Clock { get; init; }
}

/// <summary>Staff accounts made directly through Identity's UserManager, as create-user --password-stdin makes them.</summary>
public static class TestStaff
{
    public const string Password = "correct horse battery staple";

    /// <param name="twoFactor">Also enrol an authenticator (its key is returned, so <see cref="Totp.Code"/> can answer).</param>
    public static async Task<StaffLogin> CreateStaffAsync(this FixItApp app, string role, string? operatorSlug = null, bool twoFactor = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"{role}.{Guid.NewGuid():N}@example.org";
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        if (operatorSlug is not null)
        {
            var db = scope.ServiceProvider.GetRequiredService<FixItDbContext>();
            var operatorId = await db.Operators.Where(o => o.Slug == operatorSlug).Select(o => o.Id).SingleAsync();
            db.StaffOperators.Add(new StaffOperator(user.Id, operatorId));
            await db.SaveChangesAsync();
        }

        string? key = null;
        if (twoFactor)
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }

        return new StaffLogin(user.Id, email, Password, key) { Clock = app.Clock };
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>RFC 6238 codes as an authenticator app computes them (SHA-1, 30 s, 6 digits) from a base32 key.</summary>
public static class Totp
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> LastSteps = new(StringComparer.Ordinal);

    /// <summary>
    /// A code FixIt has not yet accepted for this key (each code works once, RFC 6238 §5.2): the earliest step of the
    /// five FixIt accepts around now (two 30-second steps either side) that is later than this helper's last one, so
    /// one account can sign in up to five times within a step. Throws when a test asks for more.
    /// </summary>
    /// <param name="at">The verifier's time (an app on a fake clock); now when not given.</param>
    public static string NextCode(string base32Key, DateTimeOffset? at = null)
    {
        var now = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        var step = LastSteps.AddOrUpdate(base32Key, now - 2, (_, last) => Math.Max(last + 1, now - 2));
        return step > now + 2
            ? throw new InvalidOperationException("More than five TOTP sign-ins with one key within a minute: use another account.")
            : Code(base32Key, DateTimeOffset.FromUnixTimeSeconds(step * 30));
    }

    public static string Code(string base32Key, DateTimeOffset? at = null)
    {
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238's default, the one authenticator apps and Identity use; not our choice to make here.
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().Where(c => c is not ' ' and not '='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
