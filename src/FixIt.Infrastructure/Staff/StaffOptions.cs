namespace FixIt.Infrastructure.Staff;

/// <summary>Staff accounts (<c>Staff:*</c>): two-factor for admins, lockout and the lifetime of emailed links.</summary>
public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    /// <summary>Admins must enrol a TOTP authenticator before anything else; unset means true outside Development.</summary>
    public bool? RequireTwoFactorForAdmins { get; set; }

    /// <summary>How long an invitation or password-reset link works (once).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Wrong passwords (or codes) in a row before the account is locked for <see cref="LockoutDuration"/>.</summary>
    public int LockoutAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a typed password counts as recent for changing roles (re-authentication).</summary>
    public static readonly TimeSpan ReauthenticationWindow = TimeSpan.FromMinutes(5);
}
