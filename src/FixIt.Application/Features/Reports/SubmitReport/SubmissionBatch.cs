using FixIt.Application.Abstractions;
using FixIt.Application.Common.Tokens;
using FixIt.Domain.Reports;

namespace FixIt.Application.Features.Reports.SubmitReport;

/// <summary>
/// Writes a batch of prepared submissions in one unit of work (one transaction, one SQLite write turn, retried whole on
/// a transient fault from new entities: <see cref="IUnitOfWork"/>). Two saves per batch, whatever its size: the
/// reports first, whose ids the photos' rows, the secret links and the confirmation emails carry; then all of those.
/// Each confirmation takes its mailbox's daily cap in the transaction, in the batch's order, so two submissions from
/// one address in one batch are counted as two. Used by the process's <see cref="ISubmissionWriter"/> (ADR 0218).
/// </summary>
public sealed class SubmissionBatch(IUnitOfWork unitOfWork, IFixItDb db, IReportMailer mailer)
{
    /// <summary>The answers in the batch's order; throws if any row of the batch fails (nothing of it is then stored).</summary>
    public Task<IReadOnlyList<SubmittedReport>> WriteAsync(IReadOnlyList<PendingSubmission> batch, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync<IReadOnlyList<SubmittedReport>>(async ct =>
        {
            var reports = batch.Select(s => s.BuildReport()).ToList();
            db.Reports.AddRange(reports);
            await db.SaveChangesAsync(ct);

            var answers = new List<SubmittedReport>(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                var (submission, report) = (batch[i], reports[i]);
                var order = 0;
                foreach (var photo in submission.Photos)
                {
                    db.ReportPhotos.Add(new ReportPhoto(report.Id, ++order, photo.StorageKey, photo.ContentType, photo.Width, photo.Height,
                        photo.Bytes, report.CreatedAt));
                }

                // Every channel (API, web form, Open311) gets the confirmation email.
                PendingLinks.Store(db, report.Id, submission.PendingTokenHash, submission.SubmittedAt);
                await mailer.QueueConfirmationAsync(report, submission.PendingToken, ct);
                answers.Add(new SubmittedReport(report.Id, report.Status) { Open311Token = report.Open311Token, PendingToken = submission.PendingToken });
            }

            await db.SaveChangesAsync(ct);
            return answers;
        }, cancellationToken);
}
