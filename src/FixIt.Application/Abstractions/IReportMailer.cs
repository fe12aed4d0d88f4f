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

    /// <summary>"Confirm you want updates" to a new subscriber, with a single-use link; the subscription may be unsaved.</summary>
    Task QueueSubscriptionConfirmationAsync(Report report, ReportSubscription subscription, CancellationToken cancellationToken);

    /// <summary>
    /// "Confirm your me too" to <paramref name="email"/>, with a single-use link; the support may be unsaved. The address
    /// is used for this email only: the support keeps a hash of the mailbox.
    /// </summary>
    Task QueueSupportConfirmationAsync(Report report, ReportSupport support, string email, CancellationToken cancellationToken);

    /// <summary>
    /// The single-use link to add an update, to the reporter (<paramref name="follower"/> null) or a confirmed follower who
    /// asked for it on the report page; capped per mailbox and day.
    /// </summary>
    Task QueueUpdateLinkAsync(Report report, ReportSubscription? follower, CancellationToken cancellationToken);

    /// <summary>A public update to a confirmed subscriber, with an unsubscribe link for that subscription.</summary>
    Task QueueUpdateToSubscriberAsync(Report report, ReportSubscription subscription, ReportEvent update, CancellationToken cancellationToken);
}
