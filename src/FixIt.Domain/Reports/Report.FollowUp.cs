namespace FixIt.Domain.Reports;

/// <summary>
/// Follow-up of a report once it has been sent: reminders to the operator, escalation, the reporter's "has this been
/// fixed?" questionnaire and re-opening. The columns are what the scheduled jobs look for due work by, and what each
/// job claims (compare-and-set) so that a step is taken once, however many instances run the job.
/// </summary>
public sealed partial class Report
{
    /// <summary>Reminders sent because the report was not acknowledged within the operator's target.</summary>
    public int RemindersSent { get; private set; }

    /// <summary>When the last reminder (of either kind) went; the next step is timed from it.</summary>
    public DateTimeOffset? LastReminderAt { get; private set; }

    /// <summary>The one "still open" reminder after the fix target; cleared when the report re-opens.</summary>
    public DateTimeOffset? StillOpenReminderAt { get; private set; }

    /// <summary>When the operator's escalation contact was emailed; at most once per report.</summary>
    public DateTimeOffset? EscalatedAt { get; private set; }

    /// <summary>When the reporter was last asked whether it has been fixed.</summary>
    public DateTimeOffset? QuestionnaireSentAt { get; private set; }

    /// <summary>When the reporter last answered "yes, it is fixed"; cleared when the report re-opens.</summary>
    public DateTimeOffset? FixedByReporterAt { get; private set; }

    /// <summary>When the report was last re-opened ("still not fixed"); the fix target runs again from it.</summary>
    public DateTimeOffset? ReopenedAt { get; private set; }

    /// <summary>A reminder to the operator's contact (not acknowledged in time); returns the public timeline entry.</summary>
    public ReportEvent RecordReminder(string operatorName, DateTimeOffset now)
    {
        RemindersSent++;
        LastReminderAt = now;
        return FollowUpNote($"Reminder sent to {operatorName}.", now);
    }

    /// <summary>The one reminder after the fix target (acknowledged, not fixed); returns the public timeline entry.</summary>
    public ReportEvent RecordStillOpenReminder(string operatorName, DateTimeOffset now)
    {
        StillOpenReminderAt = now;
        LastReminderAt = now;
        return FollowUpNote($"Reminder sent to {operatorName}: still open after its fix target.", now);
    }

    /// <summary>The operator's escalation contact was emailed; returns the public timeline entry.</summary>
    public ReportEvent RecordEscalation(string operatorName, DateTimeOffset now)
    {
        EscalatedAt = now;
        return FollowUpNote($"Escalated at {operatorName}: no answer after the reminders.", now);
    }

    public void RecordQuestionnaireSent(DateTimeOffset now) => QuestionnaireSentAt = now;

    /// <summary>
    /// The reporter says it is fixed: an open report becomes Fixed (by the reporter); one the operator already marked
    /// fixed, or closed, keeps its status and gets the reporter's confirmation as a note. Returns the timeline entry.
    /// </summary>
    public ReportEvent ConfirmFixedByReporter(EventSource source, DateTimeOffset now)
    {
        var update = ReportStatusRules.TypeOf(Status) == StatusType.Open
            ? ChangeStatus(ReportStatus.Fixed, ActorKind.Reporter, PublicReporterName, source, "Fixed, according to the reporter.", now)
            : AddNote(ActorKind.Reporter, PublicReporterName, source, "The reporter confirms it has been fixed.", now);
        FixedByReporterAt = now;
        return update;
    }

    /// <summary>
    /// "Still not fixed": a fixed or closed report opens again with the resident's words (or a plain "Still not fixed."),
    /// and its fix target runs again from now. Returns the status change.
    /// </summary>
    /// <exception cref="InvalidTransitionException">The report is not fixed or closed (<see cref="ReportStatusRules.CanReopen"/>).</exception>
    public ReportEvent Reopen(ActorKind actorKind, string actor, EventSource source, string? words, DateTimeOffset now)
    {
        if (!ReportStatusRules.CanReopen(Status))
        {
            throw new InvalidTransitionException(Status, ReportStatus.Open) { ReportId = Id };
        }

        var reopened = ChangeStatus(ReportStatus.Open, actorKind, actor, source,
            string.IsNullOrWhiteSpace(words) ? "Still not fixed." : $"Still not fixed: {words.Trim()}", now);
        ReopenedAt = now;
        StillOpenReminderAt = null;
        FixedByReporterAt = null;
        return reopened;
    }

    private ReportEvent FollowUpNote(string text, DateTimeOffset now) =>
        Record(new ReportEvent(ReportEventKind.Note, ActorKind.System, "FixIt", EventSource.System, null, null, text, now));
}
