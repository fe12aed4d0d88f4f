using FixIt.Domain.Moderation;
using FixIt.Domain.Routing;
using FixIt.Domain.Text;

namespace FixIt.Domain.Reports;

/// <summary>What staff do to a report: hide it and bring it back, correct it, mark it a duplicate (issue 14).</summary>
public sealed partial class Report
{
    /// <summary>The status the report had when it was hidden; unhiding restores it. Null while not hidden by staff.</summary>
    public ReportStatus? StatusBeforeHidden { get; private set; }

    /// <summary>
    /// Staff take the report down: it becomes <see cref="ReportStatus.Hidden"/> (gone from every public surface) and the
    /// status it had is kept for <see cref="Unhide"/>. The timeline entry is for staff only.
    /// </summary>
    /// <exception cref="InvalidTransitionException">The report is already hidden.</exception>
    public ReportEvent Hide(string reason, DateTimeOffset now)
    {
        if (Status == ReportStatus.Hidden)
        {
            throw new InvalidTransitionException(Status, ReportStatus.Hidden) { ReportId = Id };
        }

        var from = Status;
        StatusBeforeHidden = from;
        Status = ReportStatus.Hidden;
        UpdatedAt = now;
        return Record(new ReportEvent(ReportEventKind.StatusChanged, ActorKind.Admin, StaffActor.PublicName, EventSource.Admin,
            from, ReportStatus.Hidden, reason, now, isPublic: false));
    }

    /// <summary>Staff bring a hidden report back, in the status it had before (open, if it was hidden another way).</summary>
    /// <exception cref="InvalidTransitionException">The report is not hidden.</exception>
    public ReportEvent Unhide(string reason, DateTimeOffset now)
    {
        if (Status != ReportStatus.Hidden)
        {
            throw new InvalidTransitionException(Status, StatusBeforeHidden ?? ReportStatus.Open) { ReportId = Id };
        }

        var to = StatusBeforeHidden ?? ReportStatus.Open;
        StatusBeforeHidden = null;
        Status = to;
        UpdatedAt = now;
        return Record(new ReportEvent(ReportEventKind.StatusChanged, ActorKind.Admin, StaffActor.PublicName, EventSource.Admin,
            ReportStatus.Hidden, to, reason, now, isPublic: false));
    }

    /// <summary>The title as the reporter wrote it, kept for staff once a moderator corrected it; null if never corrected.</summary>
    public string? OriginalTitle { get; private set; }

    /// <summary>The description as the reporter wrote it, kept for staff once a moderator corrected it.</summary>
    public string? OriginalDescription { get; private set; }

    /// <summary>When a moderator last corrected the title or description: the public page says "edited by a moderator".</summary>
    public DateTimeOffset? EditedAt { get; private set; }

    /// <summary>The report this one duplicates, once staff said so: both pages link each other.</summary>
    public int? DuplicateOfId { get; private set; }

    /// <summary>
    /// A moderator corrects the text (null leaves a field as it is): the reporter's first wording is kept for staff and
    /// the public sees "edited by a moderator". Returns whether anything changed.
    /// </summary>
    public bool CorrectText(string? title, string? description, DateTimeOffset now)
    {
        var newTitle = title is null ? Title : PublicTextScrubber.Scrub(title.Trim());
        var newDescription = description is null ? Description : PublicTextScrubber.Scrub(description.Trim());
        if (newTitle == Title && newDescription == Description)
        {
            return false;
        }

        if (newTitle != Title)
        {
            OriginalTitle ??= Title;
            Title = newTitle;
        }

        if (newDescription != Description)
        {
            OriginalDescription ??= Description;
            Description = newDescription;
        }

        EditedAt = now;
        UpdatedAt = now;
        return true;
    }

    /// <summary>
    /// Staff take the reporter's name off public view (or, false, show it again), on the report and on every timeline entry
    /// the reporter made. Needs <see cref="Events"/> loaded.
    /// </summary>
    public void HideReporterName(bool hide, DateTimeOffset now)
    {
        ShowName = !hide;
        UpdatedAt = now;
        foreach (var reportEvent in _events.Where(e => e.ActorKind == ActorKind.Reporter))
        {
            reportEvent.RenameActor(PublicReporterName);
        }
    }

    /// <summary>
    /// An administrator gives a report no rule routed (or that every candidate declined) to an operator by hand, with a
    /// "re-routed" entry saying so. Returns true when the report is open and already public, so it must be sent now (an
    /// unconfirmed one is sent when it is confirmed, like any other).
    /// </summary>
    /// <exception cref="ModerationConflictException">The report already has an operator: that is a decline's or a correction's job.</exception>
    public bool AssignTo(int operatorId, string operatorName, DateTimeOffset now)
    {
        if (OperatorId is not null)
        {
            throw new ModerationConflictException($"Report {Id} is already with an operator; only an unrouted report can be assigned.");
        }

        ApplyRouting(new RoutingDecision(operatorId, null, $"Assigned by an administrator to {operatorName}.", [.. _areas.Select(a => a.AreaId)]),
            ReportEventKind.Rerouted, now);
        var send = ReportStatusRules.IsPublic(Status) && StatusType == StatusType.Open;
        if (send)
        {
            SentAt = null;
        }

        return send;
    }

    /// <summary>
    /// Staff change the category or move the pin: the report is routed again (<paramref name="routing"/>, decided by the
    /// caller for the new point and category) with a "re-routed" entry. Returns true when the responsible operator changed
    /// and the report is open and already public, so it must be sent to the new one.
    /// </summary>
    public bool Relocate(int categoryId, double latitude, double longitude, RoutingDecision routing, DateTimeOffset now)
    {
        var before = OperatorId;
        CategoryId = categoryId;
        Latitude = latitude;
        Longitude = longitude;
        ApplyRouting(routing, ReportEventKind.Rerouted, now);
        var resend = OperatorId != before && OperatorId is not null && ReportStatusRules.IsPublic(Status) && StatusType == StatusType.Open;
        if (resend)
        {
            SentAt = null;
        }

        return resend;
    }

    /// <summary>
    /// Staff say this report duplicates <paramref name="original"/>: it closes as a duplicate, with a public note naming
    /// the original. Returns the status change (followers are moved by the caller).
    /// </summary>
    /// <exception cref="ModerationConflictException">The same report, or the original is itself a duplicate of this one.</exception>
    /// <exception cref="InvalidTransitionException">This report cannot close as a duplicate in its status (hidden, unconfirmed).</exception>
    public ReportEvent MarkDuplicateOf(Report original, DateTimeOffset now)
    {
        if (original.Id == Id || original.DuplicateOfId == Id)
        {
            throw new ModerationConflictException($"Report {Id} cannot be a duplicate of report {original.Id}.");
        }

        var change = ChangeStatus(ReportStatus.Duplicate, ActorKind.Admin, StaffActor.PublicName, EventSource.Admin,
            $"Duplicate of report {original.Id}.", now);
        DuplicateOfId = original.Id;
        return change;
    }
}
