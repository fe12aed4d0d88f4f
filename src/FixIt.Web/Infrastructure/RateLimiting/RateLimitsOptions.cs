namespace FixIt.Web.Infrastructure.RateLimiting;

/// <summary>
/// Bound from "RateLimits": per client address (an IPv6 client by its /64), at most PermitLimit requests per window
/// of WindowSeconds for each policy; more get 429 with Retry-After.
/// </summary>
public sealed class RateLimitsOptions
{
    public const string SectionName = "RateLimits";

    public RateLimitWindow Submit { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    public RateLimitWindow Subscribe { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    public RateLimitWindow ConfirmationResend { get; set; } = new() { PermitLimit = 3, WindowSeconds = 600 };

    public RateLimitWindow SignIn { get; set; } = new() { PermitLimit = 5, WindowSeconds = 60 };

    public RateLimitWindow MyReports { get; set; } = new() { PermitLimit = 5, WindowSeconds = 600 };

    public RateLimitWindow Flag { get; set; } = new() { PermitLimit = 10, WindowSeconds = 600 };

    /// <summary>Flags from every client together: a flood from many addresses cannot bury the queue faster than this.</summary>
    public RateLimitWindow FlagOverall { get; set; } = new() { PermitLimit = 300, WindowSeconds = 600 };

    public RateLimitWindow Update { get; set; } = new() { PermitLimit = 10, WindowSeconds = 600 };

    /// <summary>Photos sent to have their GPS position read (the report form sends one each time a photo is chosen).</summary>
    public RateLimitWindow PhotoLocation { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

    internal IEnumerable<(string Name, RateLimitWindow Window)> All() =>
        [(nameof(Submit), Submit), (nameof(Subscribe), Subscribe), (nameof(ConfirmationResend), ConfirmationResend), (nameof(SignIn), SignIn),
            (nameof(MyReports), MyReports), (nameof(Flag), Flag), (nameof(FlagOverall), FlagOverall), (nameof(Update), Update),
            (nameof(PhotoLocation), PhotoLocation)];
}

/// <summary>A fixed window: PermitLimit requests, then none until WindowSeconds have passed since the window opened.</summary>
public sealed class RateLimitWindow
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }
}
