namespace FixIt.Domain.Moderation;

/// <summary>Why a resident says a report or an update is inappropriate (the choice on the public flag form).</summary>
public enum FlagReason
{
    /// <summary>Offensive, abusive or hateful.</summary>
    Abusive,

    /// <summary>Someone's personal details (a phone number, an address, a name) that should not be public.</summary>
    PersonalDetails,

    /// <summary>Advertising or nonsense, not a problem in the street.</summary>
    Spam,

    /// <summary>Anything else; the resident's own words say what.</summary>
    Other,
}

/// <summary>
/// One resident's "report this as inappropriate" on a public report (<see cref="UpdateId"/> null) or on one update of its
/// timeline. Flags on one item add up in the moderation queue until staff dismiss them or hide the item. Nobody's
/// address is kept: <see cref="FlaggerKey"/> is a keyed hash of the client and the item, enough to count each client
/// once per item and useless for anything else; dismissing the flag clears it (ADR 0155).
/// </summary>
public sealed class ReportFlag
{
    private ReportFlag()
    {
    }

    public ReportFlag(int reportId, long? updateId, FlagReason reason, string? details, string flaggerKey, DateTimeOffset now)
    {
        ReportId = reportId;
        UpdateId = updateId;
        Reason = reason;
        Details = string.IsNullOrWhiteSpace(details) ? null : details.Trim();
        FlaggerKey = flaggerKey;
        CreatedAt = now;
    }

    public long Id { get; private set; }

    public int ReportId { get; private set; }

    /// <summary>The timeline event flagged; null when the report itself is.</summary>
    public long? UpdateId { get; private set; }

    public FlagReason Reason { get; private set; }

    /// <summary>The resident's optional words, for staff only.</summary>
    public string? Details { get; private set; }

    /// <summary>Lower-case hex HMAC-SHA256 of the client and the item while the flag is open; null once dismissed.</summary>
    public string? FlaggerKey { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the flag went out in a staff digest email; null until then.</summary>
    public DateTimeOffset? DigestedAt { get; private set; }

    /// <summary>When staff dismissed it (the item stays as it was); null while it counts in the queue.</summary>
    public DateTimeOffset? DismissedAt { get; private set; }

    public bool IsOpen => DismissedAt is null;

    public void Dismiss(DateTimeOffset now)
    {
        DismissedAt ??= now;
        FlaggerKey = null;
    }

    public void RecordDigest(DateTimeOffset now) => DigestedAt ??= now;
}
