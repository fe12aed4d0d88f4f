namespace FixIt.Domain.Messaging;

/// <summary>What a link token allows.</summary>
public enum TokenPurpose
{
    Confirm,
    Respond,
    Questionnaire,
    Unsubscribe,

    /// <summary>Confirms a <see cref="ReportSubscription"/> of someone other than the reporter.</summary>
    Subscribe,

    /// <summary>The submitter's secret link: shows the report to them while it awaits confirmation, never changes anything.</summary>
    View,

    /// <summary>"Still not fixed": re-opens a fixed or closed report, for the reporter or (with a subscription) a follower.</summary>
    Reopen,

    /// <summary>Confirms a <see cref="Reports.ReportSupport"/> ("me too") of someone other than the reporter.</summary>
    Support,

    /// <summary>
    /// Adds one update (words and photos) from the web: the reporter's, or (with a subscription) a follower's, which works
    /// only while their subscription is confirmed and active. Works once.
    /// </summary>
    Update,
}

public enum TokenState
{
    Valid,
    Expired,
    Used,
    Revoked,
}

/// <summary>
/// A link token for one report and one purpose. Only the SHA-256 of the token is stored: the database
/// alone does not let anyone act on a report.
/// </summary>
public sealed class AccessToken
{
    private AccessToken()
    {
    }

    public AccessToken(string hash, TokenPurpose purpose, int reportId, DateTimeOffset createdAt, DateTimeOffset expiresAt, bool singleUse)
    {
        Hash = hash;
        Purpose = purpose;
        ReportId = reportId;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        SingleUse = singleUse;
    }

    public long Id { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the token text.</summary>
    public string Hash { get; private set; } = "";

    public TokenPurpose Purpose { get; private set; }

    public int ReportId { get; private set; }

    /// <summary>Set when the link acts for a subscriber rather than the reporter (confirm, unsubscribe).</summary>
    public long? SubscriptionId { get; private set; }

    public ReportSubscription? Subscription { get; private set; }

    /// <summary>Set when the link confirms a "me too" (<see cref="TokenPurpose.Support"/>).</summary>
    public long? SupportId { get; private set; }

    public Reports.ReportSupport? Support { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public bool SingleUse { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>
    /// The language (a site language tag, <c>en</c> or <c>cy</c>) the resident asked in, on a link they asked for themselves
    /// (following, "me too", "add an update" from the report page): its email was written in it. Null on links FixIt
    /// sends unasked, which follow the recipient's stored language.
    /// </summary>
    public string? Language { get; private set; }

    public TokenState StateAt(DateTimeOffset now) =>
        RevokedAt is not null ? TokenState.Revoked
        : SingleUse && UsedAt is not null ? TokenState.Used
        : now >= ExpiresAt ? TokenState.Expired
        : TokenState.Valid;

    public void Use(DateTimeOffset now) => UsedAt ??= now;

    public AccessToken For(ReportSubscription subscription)
    {
        Subscription = subscription;
        return this;
    }

    public AccessToken For(Reports.ReportSupport support)
    {
        Support = support;
        return this;
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public AccessToken AskedIn(string language)
    {
        Language = string.IsNullOrWhiteSpace(language) ? "en" : language;
        return this;
    }
}

/// <summary>A reporter who asked for no more updates about one report.</summary>
public sealed class MailOptOut
{
    private MailOptOut()
    {
    }

    public MailOptOut(int reportId, string email, DateTimeOffset at)
    {
        ReportId = reportId;
        Email = email;
        CreatedAt = at;
    }

    public long Id { get; private set; }

    public int ReportId { get; private set; }

    public string Email { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
}
