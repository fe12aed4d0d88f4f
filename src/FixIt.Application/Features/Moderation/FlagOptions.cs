namespace FixIt.Application.Features.Moderation;

/// <summary>Bound from "Flags": how often staff get the digest of new flags. Checked at start.</summary>
public sealed class FlagOptions
{
    public const string SectionName = "Flags";

    /// <summary>At most one digest email per staff member in this time; new flags wait for the next one.</summary>
    public TimeSpan DigestInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most flags one digest covers; more wait for the next.</summary>
    public int DigestBatchSize { get; set; } = 500;

    public IEnumerable<string> Problems()
    {
        if (DigestInterval < TimeSpan.FromMinutes(1) || DigestInterval > TimeSpan.FromDays(7))
        {
            yield return "Flags:DigestInterval must be between one minute and 7 days.";
        }

        if (DigestBatchSize is < 1 or > 10_000)
        {
            yield return "Flags:DigestBatchSize must be between 1 and 10000.";
        }
    }
}
