namespace FixIt.Web.Infrastructure.RateLimiting;

/// <summary>The named rate-limit policies; an endpoint opts in with <c>.RequireRateLimiting(RateLimitPolicies.X)</c>.</summary>
internal static class RateLimitPolicies
{
    /// <summary>New reports: the web form, the JSON API and Open311 POST requests.</summary>
    public const string Submit = "submit";

    /// <summary>"Email me updates" requests.</summary>
    public const string Subscribe = "subscribe";

    /// <summary>"Send the confirmation link again" requests.</summary>
    public const string ConfirmationResend = "confirmation-resend";

    /// <summary>"Email me my reports" requests.</summary>
    public const string MyReports = "my-reports";

    /// <summary>Residents' updates from the web: asking for the link, and sending the update.</summary>
    public const string Update = "update";

    /// <summary>Photos sent only to read their GPS position (POST /api/photos/location).</summary>
    public const string PhotoLocation = "photo-location";

    /// <summary>Admin sign-in attempts.</summary>
    public const string SignIn = "sign-in";

    /// <summary>"Report this as inappropriate": per client (<c>RateLimits:Flag</c>) and, for every client together, <c>RateLimits:FlagOverall</c>.</summary>
    public const string Flag = "flag";
}
