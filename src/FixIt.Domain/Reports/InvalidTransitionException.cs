namespace FixIt.Domain.Reports;

/// <summary>A status change the status table (ReportStatusRules.CanMove) does not allow; becomes a 409 problem.</summary>
public sealed class InvalidTransitionException(ReportStatus from, ReportStatus to)
    : InvalidOperationException($"A report cannot go from {from} to {to}.")
{
    public ReportStatus From { get; } = from;

    public ReportStatus To { get; } = to;
}
