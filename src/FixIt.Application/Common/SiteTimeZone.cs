namespace FixIt.Application.Common;

/// <summary>
/// The site's time zone (Site:TimeZone, an IANA name, default UTC): the zone of the months in figures and of the dates
/// shown to people. Stored times stay UTC; only what is counted per month or shown is local.
/// </summary>
public sealed class SiteTimeZone(TimeZoneInfo zone)
{
    public static SiteTimeZone Utc { get; } = new(TimeZoneInfo.Utc);

    public TimeZoneInfo Zone => zone;

    /// <summary>The zone's name as configured, such as "Europe/London" or "UTC".</summary>
    public string Name => zone.Id;

    /// <summary>The zone named <paramref name="name"/> (IANA, as the system's tzdata knows it), or null if unknown.</summary>
    public static TimeZoneInfo? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone);

    /// <summary>The first day of the local month holding <paramref name="at"/>, moved by <paramref name="addMonths"/>.</summary>
    public DateOnly Month(DateTimeOffset at, int addMonths = 0)
    {
        var local = Local(at);
        return new DateOnly(local.Year, local.Month, 1).AddMonths(addMonths);
    }

    /// <summary>The UTC instant at which the local day <paramref name="day"/> begins.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A clock change at midnight makes midnight itself not exist; the day then starts at the first valid minute.
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(1);
        }

        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
