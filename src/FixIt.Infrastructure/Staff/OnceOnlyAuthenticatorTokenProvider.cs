using System.Globalization;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace FixIt.Infrastructure.Staff;

/// <summary>
/// Identity's authenticator (TOTP) provider, with each code good once: RFC 6238 §5.2 says a verifier must not accept a
/// second attempt with a code once it has been accepted. Codes are checked by Otp.NET (SHA-1, 30-second steps, six
/// digits, the steps two either side of now for clock drift, as Identity does) against the time of the app's
/// <see cref="TimeProvider"/>; the step of the last accepted code is kept as an Identity user token
/// (<c>FixIt</c>/<c>TotpLastStep</c>), and only a later step is accepted. Saving it changes the account's concurrency
/// stamp, so of two sign-ins racing with one code, the second fails to save and is refused.
/// </summary>
internal sealed class OnceOnlyAuthenticatorTokenProvider(TimeProvider clock) : AuthenticatorTokenProvider<StaffUser>
{
    internal const string LoginProvider = "FixIt";
    internal const string LastStepName = "TotpLastStep";

    /// <summary>How many 30-second steps before and after now a code may be from (Identity's own window).</summary>
    private const int Drift = 2;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token is not { Length: 6 } || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, token, out var step, new VerificationWindow(Drift, Drift)))
        {
            return false;
        }

        var last = await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepName);
        if (last is not null && long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var lastStep) && step <= lastStep)
        {
            return false;
        }

        var saved = await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStepName, step.ToString(CultureInfo.InvariantCulture));
        return saved.Succeeded;
    }
}
