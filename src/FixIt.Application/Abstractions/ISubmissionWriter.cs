using FixIt.Application.Features.Reports.SubmitReport;

namespace FixIt.Application.Abstractions;

/// <summary>
/// The process's one writer of new reports (group commit, ADR 0218): queues a submission that the request has fully
/// prepared, writes it in a transaction shared with whatever else was queued by then, and answers once that
/// transaction has committed, with the stored report or with this submission's own failure.
/// </summary>
public interface ISubmissionWriter
{
    Task<SubmittedReport> WriteAsync(PendingSubmission submission, CancellationToken cancellationToken);
}
