using FixIt.Application.Abstractions;
using FixIt.Application.Common.Scheduling;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FixIt.Application.Features.FollowUp.ExpireUnconfirmed;

/// <summary>
/// Deletes what was never confirmed once <c>FollowUp:UnconfirmedExpireAfter</c> has passed: reports awaiting their
/// reporter's confirmation (with everything hanging off them and their photo files), and follower subscriptions whose
/// confirm link was never used. A scheduled job (<see cref="IScheduledJobCommand"/>); a second run deletes nothing twice.
/// </summary>
public sealed record ExpireUnconfirmedCommand : IScheduledJobCommand;

internal sealed class ExpireUnconfirmedHandler(IFixItDb db, IPhotoProcessor photos, IOptions<FollowUpOptions> options, TimeProvider clock)
    : ICommandHandler<ExpireUnconfirmedCommand, JobRun>
{
    public async ValueTask<JobRun> Handle(ExpireUnconfirmedCommand command, CancellationToken cancellationToken)
    {
        var batch = options.Value.BatchSize;
        var cutoff = clock.GetUtcNow() - options.Value.UnconfirmedExpireAfter;

        var reportIds = await db.Reports.Where(ReportStatusRules.IsReportAwaitingConfirmation)
            .Where(r => r.CreatedAt <= cutoff)
            .OrderBy(r => r.Id).Take(batch).Select(r => r.Id)
            .ToListAsync(cancellationToken);
        var files = await db.ReportPhotos.Where(p => reportIds.Contains(p.ReportId)).Select(p => p.StorageKey).ToListAsync(cancellationToken);

        // The status is checked again in every delete: a report confirmed since the select above keeps all it has.
        var expiring = db.Reports.Where(ReportStatusRules.IsReportAwaitingConfirmation).Where(r => reportIds.Contains(r.Id)).Select(r => r.Id);
        // Tokens and update photos first: their links to subscriptions and events are not cascaded by every database.
        await db.AccessTokens.Where(t => expiring.Contains(t.ReportId)).ExecuteDeleteAsync(cancellationToken);
        await db.UpdatePhotos.Where(p => expiring.Contains(p.ReportId)).ExecuteDeleteAsync(cancellationToken);
        var reports = await db.Reports.Where(ReportStatusRules.IsReportAwaitingConfirmation)
            .Where(r => reportIds.Contains(r.Id))
            .ExecuteDeleteAsync(cancellationToken);
        var kept = await db.ReportPhotos.Where(p => reportIds.Contains(p.ReportId)).Select(p => p.StorageKey).ToListAsync(cancellationToken);

        var subscriptionIds = await db.ReportSubscriptions
            .Where(s => s.ConfirmedAt == null && s.CreatedAt <= cutoff)
            .OrderBy(s => s.Id).Take(batch).Select(s => s.Id)
            .ToListAsync(cancellationToken);
        await db.AccessTokens.Where(t => t.SubscriptionId != null && subscriptionIds.Contains(t.SubscriptionId.Value)).ExecuteDeleteAsync(cancellationToken);
        var subscriptions = await db.ReportSubscriptions.Where(s => subscriptionIds.Contains(s.Id) && s.ConfirmedAt == null)
            .ExecuteDeleteAsync(cancellationToken);

        // Alerts for a place never confirmed go the same way (their tokens and categories with them).
        var alertIds = await db.AreaAlerts.Where(a => a.ConfirmedAt == null && a.CreatedAt <= cutoff)
            .OrderBy(a => a.Id).Take(batch).Select(a => a.Id)
            .ToListAsync(cancellationToken);
        var alerts = await db.AreaAlerts.Where(a => alertIds.Contains(a.Id) && a.ConfirmedAt == null).ExecuteDeleteAsync(cancellationToken);

        // Files last: were the transaction to roll back, the rows stay and the next run deletes them again.
        foreach (var file in files.Except(kept))
        {
            photos.Delete(file);
        }

        return new JobRun(reports + subscriptions + alerts, reportIds.Count >= batch || subscriptionIds.Count >= batch || alertIds.Count >= batch);
    }
}
