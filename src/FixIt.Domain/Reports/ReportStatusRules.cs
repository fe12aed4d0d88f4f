using System.Collections.Frozen;
using System.Linq.Expressions;

namespace FixIt.Domain.Reports;

/// <summary>
/// The one table of status types and allowed transitions, and of who may see a report: the two visibility rules, each as
/// an in-memory predicate on a status, as the list of statuses it allows, and as an expression over <see cref="Report"/>
/// that a LINQ provider (EF Core) translates to <c>Status IN (…)</c> with the statuses written into the SQL as constants.
/// Every page, API, feed, export, photo and Open311 answer asks one of these, never the statuses themselves.
/// </summary>
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

    /// <summary>
    /// Whether a resident may say "me too" on the report (and have it counted): only while it is open. A fixed, closed or
    /// duplicate report has nothing left to support; the page shows no form, and the request and its emailed link are refused.
    /// </summary>
    public static bool CanSupport(ReportStatus status) => TypeOf(status) == StatusType.Open;

    /// <summary>Whether a resident may say "still not fixed" and re-open the report: only once it is fixed or closed.</summary>
    public static bool CanReopen(ReportStatus status) => TypeOf(status) is StatusType.Fixed or StatusType.Closed;

    /// <summary>The statuses of one status type, in enum order.</summary>
    public static IReadOnlyList<ReportStatus> StatusesOf(StatusType type) =>
        [.. Enum.GetValues<ReportStatus>().Where(s => TypeOf(s) == type)];

    /// <summary>Whether the report was submitted and not yet confirmed by its reporter (its confirm link is still to be used).</summary>
    public static bool AwaitsConfirmation(ReportStatus status) => status == ReportStatus.Unconfirmed;

    /// <summary>The status a newly submitted report starts in: it awaits its reporter's confirmation.</summary>
    public static ReportStatus StatusOfNewReport => ReportStatus.Unconfirmed;

    /// <summary>Every status whose reports are public (<see cref="IsPublic(ReportStatus)"/>), in enum order.</summary>
    public static IReadOnlyList<ReportStatus> PublicStatuses { get; } =
        [.. Enum.GetValues<ReportStatus>().Where(s => TypeOf(s) != StatusType.Hidden)];

    /// <summary>Every status whose reports their own link still shows (<see cref="IsShownByLink"/>), in enum order.</summary>
    public static IReadOnlyList<ReportStatus> StatusesShownByLink { get; } =
        [.. Enum.GetValues<ReportStatus>().Where(s => s != ReportStatus.Hidden)];

    /// <summary>
    /// Listed publicly: whether anyone may see a report in this status, at its public URL, in lists, maps, searches,
    /// feeds, exports, operator figures and Open311, with its photos and its updates' photos. Not while it awaits
    /// confirmation (anyone can give someone else's address), nor hidden.
    /// </summary>
    public static bool IsPublic(ReportStatus status) => PublicStatuses.Contains(status);

    /// <summary>
    /// Reachable by its link: whether the holder of one of the report's own links (its submitter's secret link or browser,
    /// its confirm link, its Open311 token) may see it: a public report, or one awaiting confirmation (read-only, even once
    /// its confirm link has expired). A hidden report is gone for everyone.
    /// </summary>
    public static bool IsShownByLink(ReportStatus status) => StatusesShownByLink.Contains(status);

    /// <summary>
    /// Removed: taken down by staff (hidden). Its own public addresses answer 410 Gone ("This report has been removed")
    /// rather than as a missing report, and it stays off every list (<see cref="IsPublic(ReportStatus)"/> is false).
    /// A report hidden while it still awaited confirmation was never public: it stays the same 404 as a missing report
    /// (<paramref name="statusBeforeHidden"/> is the status it had when staff hid it).
    /// </summary>
    public static bool IsRemoved(ReportStatus status, ReportStatus? statusBeforeHidden) =>
        status == ReportStatus.Hidden && statusBeforeHidden != ReportStatus.Unconfirmed;

    /// <summary>Whether a status type may be asked for by the public (every type but the hidden one).</summary>
    public static bool IsPublic(StatusType type) => type != StatusType.Hidden;

    /// <summary><see cref="IsPublic(ReportStatus)"/> as a query filter: <c>db.Reports.Where(ReportStatusRules.IsPublicReport)</c>.</summary>
    public static Expression<Func<Report, bool>> IsPublicReport { get; } = StatusIn(PublicStatuses);

    /// <summary><see cref="IsShownByLink"/> as a query filter.</summary>
    public static Expression<Func<Report, bool>> IsReportShownByLink { get; } = StatusIn(StatusesShownByLink);

    /// <summary><see cref="AwaitsConfirmation"/> as a query filter: the reports the expiry job deletes once they are old enough.</summary>
    public static Expression<Func<Report, bool>> IsReportAwaitingConfirmation { get; } = StatusIn([StatusOfNewReport]);

    /// <summary>Open reports (of the open status type) as a query filter: the ones reminders and questionnaires are about.</summary>
    public static Expression<Func<Report, bool>> IsOpenReport { get; } = StatusIn(StatusesOf(StatusType.Open));

    /// <summary>Fixed reports as a query filter: the ones the reporter is asked to confirm.</summary>
    public static Expression<Func<Report, bool>> IsFixedReport { get; } = StatusIn(StatusesOf(StatusType.Fixed));

    // r => [constants].Contains(r.Status): EF Core writes the constants into the SQL (IN (1, 2, …)), so every query that
    // filters by visibility has the same plan, which the status indexes serve.
    private static Expression<Func<Report, bool>> StatusIn(IReadOnlyList<ReportStatus> statuses)
    {
        var report = Expression.Parameter(typeof(Report), "r");
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(ReportStatus)],
            Expression.Constant(statuses.ToArray()), Expression.Property(report, nameof(Report.Status)));
        return Expression.Lambda<Func<Report, bool>>(contains, report);
    }
}
