using System.Globalization;

namespace FixIt.Application.Features.Retention;

/// <summary>
/// Bound from "Retention": how long each kind of personal data is kept before a scheduled job removes it. Each value is
/// a TimeSpan ("730.00:00:00"); empty or "off" turns that job off. Checked at start.
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>A fixed or closed report's reporter name and contact details are erased this long after it was fixed or closed.</summary>
    public string ClosedReportContacts { get; set; } = "730.00:00:00";

    /// <summary>The raw bytes of processed inbound mail are deleted this long after it arrived; the published text stays.</summary>
    public string InboundRawMail { get; set; } = "90.00:00:00";

    /// <summary>The bodies of sent (or given-up) outgoing mail are deleted this long after sending; the record stays (ADR 0143).</summary>
    public string SentMailBodies { get; set; } = "30.00:00:00";

    public TimeSpan? ClosedReportContactsPeriod => Period(ClosedReportContacts);

    public TimeSpan? InboundRawMailPeriod => Period(InboundRawMail);

    public TimeSpan? SentMailBodiesPeriod => Period(SentMailBodies);

    /// <summary>Every bad setting, each naming its key.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (name, value) in new[] { (nameof(ClosedReportContacts), ClosedReportContacts), (nameof(InboundRawMail), InboundRawMail),
            (nameof(SentMailBodies), SentMailBodies) })
        {
            if (!IsOff(value) && (!TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var period) || period <= TimeSpan.Zero))
            {
                yield return $"Retention:{name} must be a positive TimeSpan (\"30.00:00:00\"), or empty or \"off\" to keep that data.";
            }
        }
    }

    private static bool IsOff(string? value) => string.IsNullOrWhiteSpace(value) || value.Trim().Equals("off", StringComparison.OrdinalIgnoreCase);

    private static TimeSpan? Period(string? value) =>
        !IsOff(value) && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var period) && period > TimeSpan.Zero ? period : null;
}
