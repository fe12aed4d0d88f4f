namespace FixIt.Domain.Alerts;

public enum AlertTokenPurpose
{
    Confirm,
    Unsubscribe,
}

/// <summary>
/// A link token for one alert (confirm, or stop the emails). As for report links only the SHA-256 of the token is
/// stored; alert links are not about a report, so they are rows of their own and go with the alert.
/// </summary>
public sealed class AlertToken
{
    private AlertToken()
    {
    }

    public AlertToken(string hash, AlertTokenPurpose purpose, AreaAlert alert, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        Hash = hash;
        Purpose = purpose;
        Alert = alert;
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    public long Id { get; private set; }

    public string Hash { get; private set; } = "";

    public AlertTokenPurpose Purpose { get; private set; }

    public long AlertId { get; private set; }

    public AreaAlert? Alert { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>Confirm links work once; unsubscribe links keep working (repeating it is harmless).</summary>
    public bool IsSingleUse => Purpose == AlertTokenPurpose.Confirm;

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    public bool IsUsed => IsSingleUse && UsedAt is not null;

    public void Use(DateTimeOffset now) => UsedAt ??= now;
}
