namespace FixIt.Domain.Reports;

/// <summary>
/// A change the report's status does not allow: a move the transition table refuses, or an action (such as
/// "not ours") that only some statuses allow. The message says why, in words for the person who asked.
/// </summary>
public sealed class InvalidTransitionException : InvalidOperationException
{
    public InvalidTransitionException(ReportStatus from, ReportStatus to)
        : base($"A report cannot go from {from} to {to}.")
    {
        From = from;
        To = to;
    }

    private InvalidTransitionException(ReportStatus from, string message)
        : base(message) => From = from;

    public ReportStatus From { get; }

    /// <summary>The status asked for; null when the refused action is not a status change.</summary>
    public ReportStatus? To { get; }

    /// <summary>The report that could not move, when known: pages link back to it.</summary>
    public int? ReportId { get; init; }

    /// <summary>"Not ours" asked of a report that is not open.</summary>
    public static InvalidTransitionException NotDeclinable(ReportStatus from, int? reportId = null) => new(from,
        $"The report is {from}; only an open report (Open, Acknowledged, InProgress or ActionScheduled) can be declined as \"not ours\" and re-routed.")
    {
        ReportId = reportId,
    };

    /// <summary>"Me too" asked of a report that is no longer open (fixed, closed, a duplicate).</summary>
    public static InvalidTransitionException NotSupportable(ReportStatus from, int? reportId = null) => new(from,
        $"The report is {from}; \"me too\" counts only on an open report. If you have the same problem again, report it as a new problem.")
    {
        ReportId = reportId,
    };

    /// <summary>A change in an operator's name asked of a report that no operator is responsible for (unrouted).</summary>
    public static InvalidTransitionException NoOperator(ReportStatus from, int? reportId = null) => new(from,
        "No operator is responsible for this report, so nobody can answer in an operator's name: an administrator has to route it first.")
    {
        ReportId = reportId,
    };
}
