using FixIt.Domain.Reports;

namespace FixIt.Application.Abstractions;

/// <summary>
/// The follow-up emails (reminders, escalation, questionnaire, "still not fixed"), written into the outbox on the
/// caller's unit of work like <see cref="IReportMailer"/>'s. Each returns false when there is no one to send to, and
/// then nothing is queued. Callers check the report's visibility first: none of these is for a hidden report.
/// </summary>
public interface IFollowUpMailer
{
    /// <summary>
    /// A reminder to the operator's contact for the report's category, with fresh action links (the earlier ones keep
    /// working): not acknowledged in time, or (<paramref name="stillOpen"/>) still open after the fix target.
    /// </summary>
    Task<bool> QueueReminderAsync(Report report, bool stillOpen, CancellationToken cancellationToken);

    /// <summary>The report and its public history to the operator's escalation contact, with action links.</summary>
    Task<bool> QueueEscalationAsync(Report report, CancellationToken cancellationToken);

    /// <summary>"Has this been fixed?" to the reporter, with a single-use link to the questionnaire; false when they opted out.</summary>
    Task<bool> QueueQuestionnaireAsync(Report report, CancellationToken cancellationToken);

    /// <summary>
    /// A resident's update (the reporter's or a follower's) to the operator's contact: the report email with a lead in
    /// FixIt's words and the resident's words quoted (<paramref name="update"/>'s scrubbed public text), with action links.
    /// </summary>
    Task<bool> QueueResidentUpdateAsync(Report report, ReportEvent update, int photoCount, CancellationToken cancellationToken);

    /// <summary>"Still not fixed" to the operator's contact, with the resident's words (the re-opening event) and action links.</summary>
    Task<bool> QueueReopenedAsync(Report report, ReportEvent reopened, CancellationToken cancellationToken);
}
