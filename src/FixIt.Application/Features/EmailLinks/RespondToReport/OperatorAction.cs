using FixIt.Domain.Reports;

namespace FixIt.Application.Features.EmailLinks.RespondToReport;

/// <summary>What an operator can do from the links in a report email.</summary>
public enum OperatorAction
{
    Acknowledge,
    InProgress,
    ActionScheduled,
    Fixed,
    NotOurs,
    Note,
}

public static class OperatorActions
{
    public static readonly IReadOnlyList<OperatorAction> All = Enum.GetValues<OperatorAction>();

    /// <summary>The path segment of the action's link, e.g. "in-progress".</summary>
    public static string Slug(this OperatorAction action) => action switch
    {
        OperatorAction.Acknowledge => "acknowledge",
        OperatorAction.InProgress => "in-progress",
        OperatorAction.ActionScheduled => "action-scheduled",
        OperatorAction.Fixed => "fixed",
        OperatorAction.NotOurs => "not-ours",
        _ => "note",
    };

    public static string Label(this OperatorAction action) => action switch
    {
        OperatorAction.Acknowledge => "Acknowledge",
        OperatorAction.InProgress => "In progress",
        OperatorAction.ActionScheduled => "Action scheduled",
        OperatorAction.Fixed => "Fixed",
        OperatorAction.NotOurs => "Not ours (give a reason; it will be re-routed)",
        _ => "Add a public note",
    };

    public static OperatorAction? FromSlug(string? slug) => All.Cast<OperatorAction?>().FirstOrDefault(a => a!.Value.Slug() == slug);

    /// <summary>The status an action moves to; null for actions that do not change the status.</summary>
    public static ReportStatus? TargetStatus(this OperatorAction action) => action switch
    {
        OperatorAction.Acknowledge => ReportStatus.Acknowledged,
        OperatorAction.InProgress => ReportStatus.InProgress,
        OperatorAction.ActionScheduled => ReportStatus.ActionScheduled,
        OperatorAction.Fixed => ReportStatus.Fixed,
        _ => null,
    };

    public static bool NeedsText(this OperatorAction action) => action is OperatorAction.NotOurs or OperatorAction.Note;

    /// <summary>Whether the action may be applied to a report in this status (the transition table decides status changes).</summary>
    /// <remarks>A note is welcome on any public report, even a fixed one; "not ours" only while it is open.</remarks>
    public static bool AllowedFrom(this OperatorAction action, ReportStatus status) => action switch
    {
        OperatorAction.Note => ReportStatusRules.IsPublic(status),
        OperatorAction.NotOurs => ReportStatusRules.CanDecline(status),
        _ => ReportStatusRules.CanMove(status, action.TargetStatus()!.Value),
    };

    /// <summary>Why the action is refused in this status (see <see cref="AllowedFrom"/>), as the exception to throw or show.</summary>
    public static InvalidTransitionException RefusalFrom(this OperatorAction action, ReportStatus status, int? reportId = null) =>
        action == OperatorAction.NotOurs
            ? InvalidTransitionException.NotDeclinable(status, reportId)
            : new InvalidTransitionException(status, action.TargetStatus() ?? status) { ReportId = reportId };
}
