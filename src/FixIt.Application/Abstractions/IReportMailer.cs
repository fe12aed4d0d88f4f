using FixIt.Application.Features.Reports.ConfirmByEmail;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;

namespace FixIt.Application.Abstractions;

/// <summary>
/// Writes the emails a report change causes into the outbox (with the link tokens they carry), on the
/// caller's unit of work: they are stored by the caller's SaveChanges, in the caller's transaction.
/// The report must already have its id.
/// </summary>
public interface IReportMailer
{
    /// <summary>
    /// The confirmation request to the reporter, with a single-use confirm link and the submitter's secret link
    /// (<paramref name="pendingToken"/>, see <see cref="Common.Tokens.PendingLinks"/>). Submission and "send it again" both come here.
    /// </summary>
    Task QueueConfirmationAsync(Report report, string pendingToken, CancellationToken cancellationToken);

    /// <summary>The report to its operator's contact, with action links; false when there is no one to send to.</summary>
    Task<bool> QueueToOperatorAsync(Report report, CancellationToken cancellationToken);

    /// <summary>A public update to the reporter, with an unsubscribe link.</summary>
    Task QueueUpdateToReporterAsync(Report report, ReportEvent update, CancellationToken cancellationToken);

    /// <summary>
    /// The single-use link a resident asked for on a report page (ADR 0216): "add an update" (to the reporter or a
    /// confirmed follower), "confirm you want updates" or "confirm your me too", by <see cref="ResidentLink.Purpose"/>.
    /// Capped per mailbox and day (past the cap nothing is queued, and the caller answers as usual); the email is written
    /// in the link's language, which the stored link records. The follower or supporter it names may be unsaved.
    /// </summary>
    Task QueueResidentLinkAsync(ResidentLink link, CancellationToken cancellationToken);

    /// <summary>A public update to a confirmed subscriber, with an unsubscribe link for that subscription.</summary>
    Task QueueUpdateToSubscriberAsync(Report report, ReportSubscription subscription, ReportEvent update, CancellationToken cancellationToken);
}
