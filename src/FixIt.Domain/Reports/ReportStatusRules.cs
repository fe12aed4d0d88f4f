using System.Collections.Frozen;

namespace FixIt.Domain.Reports;

/// <summary>The one table of status types and allowed transitions.</summary>
public static class ReportStatusRules
{
    private static readonly FrozenDictionary<ReportStatus, StatusType> Types = new Dictionary<ReportStatus, StatusType>
    {
        [ReportStatus.Unconfirmed] = StatusType.Hidden,
        [ReportStatus.Hidden] = StatusType.Hidden,
        [ReportStatus.Open] = StatusType.Open,
        [ReportStatus.Acknowledged] = StatusType.Open,
        [ReportStatus.InProgress] = StatusType.Open,
        [ReportStatus.ActionScheduled] = StatusType.Open,
        [ReportStatus.Fixed] = StatusType.Fixed,
        [ReportStatus.NotResponsible] = StatusType.Closed,
        [ReportStatus.Duplicate] = StatusType.Closed,
        [ReportStatus.UnableToFix] = StatusType.Closed,
        [ReportStatus.Closed] = StatusType.Closed,
    }.ToFrozenDictionary();

    private static readonly ReportStatus[] Working =
        [ReportStatus.Acknowledged, ReportStatus.InProgress, ReportStatus.ActionScheduled];

    private static readonly ReportStatus[] Endings =
        [ReportStatus.Fixed, ReportStatus.NotResponsible, ReportStatus.Duplicate, ReportStatus.UnableToFix, ReportStatus.Closed];

    // An open report may move to any other open status or end; an ended report can only be re-opened
    // (a questionnaire answer, or an admin), and hidden reports come back only through an admin.
    private static readonly FrozenDictionary<ReportStatus, FrozenSet<ReportStatus>> Allowed = new Dictionary<ReportStatus, ReportStatus[]>
    {
        [ReportStatus.Unconfirmed] = [ReportStatus.Open, ReportStatus.Hidden],
        [ReportStatus.Hidden] = [ReportStatus.Open],
        [ReportStatus.Open] = [.. Working, .. Endings, ReportStatus.Hidden],
        [ReportStatus.Acknowledged] = [ReportStatus.InProgress, ReportStatus.ActionScheduled, .. Endings, ReportStatus.Hidden],
        [ReportStatus.InProgress] = [ReportStatus.Acknowledged, ReportStatus.ActionScheduled, .. Endings, ReportStatus.Hidden],
        [ReportStatus.ActionScheduled] = [ReportStatus.Acknowledged, ReportStatus.InProgress, .. Endings, ReportStatus.Hidden],
        [ReportStatus.Fixed] = [ReportStatus.Open, ReportStatus.Closed, ReportStatus.Hidden],
        [ReportStatus.NotResponsible] = [ReportStatus.Open, ReportStatus.Hidden],
        [ReportStatus.Duplicate] = [ReportStatus.Open, ReportStatus.Hidden],
        [ReportStatus.UnableToFix] = [ReportStatus.Open, ReportStatus.Hidden],
        [ReportStatus.Closed] = [ReportStatus.Open, ReportStatus.Hidden],
    }.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet());

    public static StatusType TypeOf(ReportStatus status) => Types[status];

    /// <summary>Whether an operator may say "not ours" (and the report be re-routed): only while the report is open.</summary>
    public static bool CanDecline(ReportStatus status) => TypeOf(status) == StatusType.Open;

    public static bool CanMove(ReportStatus from, ReportStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyCollection<ReportStatus> NextFrom(ReportStatus from) => Allowed[from];

    /// <summary>
    /// Whether anyone may see a report in this status: at its public URL, in lists, maps, searches, feeds, exports
    /// and Open311, with its photos. Not while it awaits confirmation (anyone can give someone else's address), nor hidden.
    /// </summary>
    public static bool IsPublic(ReportStatus status) => TypeOf(status) != StatusType.Hidden;

    /// <summary>
    /// Whether the holder of one of the report's own links (its submitter's secret link or browser, its confirm link)
    /// may see it: a public report, or one awaiting confirmation (read-only, even once its confirm link has expired).
    /// A hidden report is gone for everyone.
    /// </summary>
    public static bool IsShownByLink(ReportStatus status) => status != ReportStatus.Hidden;
}
