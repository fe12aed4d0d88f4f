using FixIt.Domain.Text;

namespace FixIt.Domain.Reports;

/// <summary>
/// An operator's "not ours": who declined the report, when and why. Re-routing skips every operator with a
/// decline on the report. The reason is also published on the report's timeline as a note; its limit is
/// <see cref="TextLimits.DeclineReason"/> (characters a person sees) and its column holds that limit's storage length.
/// </summary>
public sealed class ReportDecline
{
    private ReportDecline()
    {
    }

    internal ReportDecline(int operatorId, string reason, DateTimeOffset at)
    {
        OperatorId = operatorId;
        Reason = PublicTextScrubber.Scrub(reason);
        At = at;
    }

    public long Id { get; private set; }

    public int ReportId { get; private set; }

    public int OperatorId { get; private set; }

    /// <summary>When the operator declined (UTC).</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>The operator's words, trimmed and scrubbed like the published note; empty for declines migrated from before reasons were stored.</summary>
    public string Reason { get; private set; } = "";
}
