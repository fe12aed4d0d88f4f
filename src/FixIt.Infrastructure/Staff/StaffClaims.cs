namespace FixIt.Infrastructure.Staff;

/// <summary>The claims a staff principal carries beyond Identity's (name, id, role, security stamp).</summary>
public static class StaffClaims
{
    /// <summary>One per operator an operator staff member works for (the same claim operator API keys carry).</summary>
    public const string Operator = "fixit:operator";

    /// <summary>"true" when the account has a TOTP authenticator enrolled.</summary>
    public const string TwoFactor = "fixit:2fa";
}
