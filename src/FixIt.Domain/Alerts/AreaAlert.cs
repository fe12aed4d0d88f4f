namespace FixIt.Domain.Alerts;

/// <summary>How often an alert's emails go: one per new report, or one digest a day.</summary>
public enum AlertFrequency
{
    Immediate,
    Daily,
}

/// <summary>
/// "Email me new reports" for a place: within <see cref="RadiusMetres"/> of a point, or inside one imported area,
/// optionally only in some categories (<see cref="Categories"/>, none meaning every category). Mail goes only once the
/// address is confirmed from the emailed link (double opt-in); every email has a link to stop them.
/// </summary>
public sealed class AreaAlert
{
    public const int MinRadiusMetres = 50;
    public const int MaxRadiusMetres = 20_000;

    private readonly List<AreaAlertCategory> _categories = [];

    private AreaAlert()
    {
    }

    private AreaAlert(string email, AlertFrequency frequency, IEnumerable<int> categoryIds, DateTimeOffset now)
    {
        Email = email;
        Frequency = frequency;
        CreatedAt = now;
        _categories.AddRange(categoryIds.Distinct().Order().Select(id => new AreaAlertCategory(id)));
    }

    public static AreaAlert ForRadius(string email, double latitude, double longitude, int radiusMetres, AlertFrequency frequency,
        IEnumerable<int> categoryIds, DateTimeOffset now)
    {
        if (radiusMetres is < MinRadiusMetres or > MaxRadiusMetres)
        {
            throw new ArgumentOutOfRangeException(nameof(radiusMetres), radiusMetres, $"A radius is {MinRadiusMetres} to {MaxRadiusMetres} metres.");
        }

        return new AreaAlert(email, frequency, categoryIds, now) { Latitude = latitude, Longitude = longitude, RadiusMetres = radiusMetres };
    }

    public static AreaAlert ForArea(string email, int areaId, AlertFrequency frequency, IEnumerable<int> categoryIds, DateTimeOffset now) =>
        new(email, frequency, categoryIds, now) { AreaId = areaId };

    public long Id { get; private set; }

    /// <summary>Trimmed and lower-cased, as a report subscription's.</summary>
    public string Email { get; private set; } = "";

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    /// <summary>Set with the point; an area alert has neither.</summary>
    public int? RadiusMetres { get; private set; }

    public int? AreaId { get; private set; }

    public IReadOnlyList<AreaAlertCategory> Categories => _categories;

    public AlertFrequency Frequency { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The language they last asked in (a BCP 47 tag such as "en" or "cy"): the emails to them are written in it.</summary>
    public string Language { get; private set; } = "en";

    /// <summary>Records the language of the latest request, so the next emails follow it.</summary>
    public void AskedIn(string language) => Language = string.IsNullOrWhiteSpace(language) ? "en" : language;

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public DateTimeOffset? UnsubscribedAt { get; private set; }

    /// <summary>A daily alert's next digest is due then (claimed by the digest job); null for immediate alerts.</summary>
    public DateTimeOffset? NextDigestAt { get; private set; }

    public bool IsActive => ConfirmedAt is not null && UnsubscribedAt is null;

    /// <summary>Confirming again (the same link is single-use, so only a new alert) changes nothing.</summary>
    public bool Confirm(DateTimeOffset now, TimeSpan digestInterval)
    {
        if (ConfirmedAt is not null)
        {
            return false;
        }

        ConfirmedAt = now;
        NextDigestAt = Frequency == AlertFrequency.Daily ? now + digestInterval : null;
        return true;
    }

    public bool Unsubscribe(DateTimeOffset now)
    {
        if (UnsubscribedAt is not null)
        {
            return false;
        }

        UnsubscribedAt = now;
        return true;
    }

    /// <summary>The digest job's claim wrote this value; the entity is brought in line with it.</summary>
    public void RecordDigest(DateTimeOffset next) => NextDigestAt = next;

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}

/// <summary>One category an alert is limited to (relations are rows).</summary>
public sealed class AreaAlertCategory
{
    private AreaAlertCategory()
    {
    }

    internal AreaAlertCategory(int categoryId) => CategoryId = categoryId;

    public long AlertId { get; private set; }

    public int CategoryId { get; private set; }
}

/// <summary>A new report that matched a daily alert, waiting for that alert's next digest.</summary>
public sealed class AreaAlertMatch
{
    private AreaAlertMatch()
    {
    }

    public AreaAlertMatch(long alertId, int reportId, DateTimeOffset at)
    {
        AlertId = alertId;
        ReportId = reportId;
        CreatedAt = at;
    }

    public long Id { get; private set; }

    public long AlertId { get; private set; }

    public int ReportId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>
/// One row, bumped in the same transaction as every confirmation or unsubscription of an alert; each instance compares
/// it with the version its <see cref="AlertIndex"/> was built from, and rebuilds when it moved (as for routing).
/// </summary>
public sealed class AlertVersion
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public long Version { get; set; }
}
