namespace FixIt.Application.Common;

/// <summary>The report was taken down by staff: its page and API answer 410 Gone with a short neutral message.</summary>
public sealed class ReportRemovedException(int reportId) : Exception($"Report {reportId} has been removed.")
{
    public int ReportId { get; } = reportId;
}
