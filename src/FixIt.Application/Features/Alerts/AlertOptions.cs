namespace FixIt.Application.Features.Alerts;

/// <summary><c>Alerts:*</c>: alerts for a place (docs/email.md).</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>How long after confirming, and after each digest, a daily alert's next digest is due.</summary>
    public TimeSpan DigestInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Most alerts matched or digests sent in one run of their job.</summary>
    public int BatchSize { get; set; } = 50;

    public IEnumerable<string> Problems()
    {
        if (DigestInterval < TimeSpan.FromSeconds(1))
        {
            yield return "Alerts:DigestInterval must be at least one second.";
        }

        if (BatchSize is < 1 or > 10_000)
        {
            yield return "Alerts:BatchSize must be between 1 and 10000.";
        }
    }
}
