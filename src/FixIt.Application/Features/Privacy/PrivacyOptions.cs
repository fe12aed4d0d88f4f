namespace FixIt.Application.Features.Privacy;

/// <summary>Bound from "Privacy": the "My reports" links and the key erasures are recorded under. Checked at start.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>How long the emailed "My reports" link works (once).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long "My reports" stays open in the browser after the link was used.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The secret key (base64, at least 32 bytes) of the hash an erasure is recorded under. Without it the hash is
    /// keyed with a fixed, public key: anyone with the database could then test addresses against it. Set it in production.
    /// </summary>
    public string ErasureHashKey { get; set; } = "";

    /// <summary>Every bad setting, each naming its key.</summary>
    public IEnumerable<string> Problems()
    {
        if (LinkLifetime <= TimeSpan.Zero || LinkLifetime > TimeSpan.FromDays(7))
        {
            yield return "Privacy:LinkLifetime must be positive and at most 7 days.";
        }

        if (SessionLifetime <= TimeSpan.Zero || SessionLifetime > TimeSpan.FromDays(1))
        {
            yield return "Privacy:SessionLifetime must be positive and at most 1 day.";
        }

        if (ErasureHashKey.Length > 0 && ErasureHash.KeyBytes(ErasureHashKey) is null)
        {
            yield return "Privacy:ErasureHashKey must be empty or base64 of at least 32 bytes.";
        }
    }
}
