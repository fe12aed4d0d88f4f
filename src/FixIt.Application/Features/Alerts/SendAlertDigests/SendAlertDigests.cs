using FixIt.Application.Abstractions;
using FixIt.Application.Common.Scheduling;
using FixIt.Domain.Alerts;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FixIt.Application.Features.Alerts.SendAlertDigests;

/// <summary>
/// The daily digest: each daily alert whose <see cref="AreaAlert.NextDigestAt"/> has come and that has matched reports
/// waiting is claimed (compare-and-set on that time, moved on by <c>Alerts:DigestInterval</c>) and gets one email with
/// them. A report hidden since it matched is left out. A scheduled job.
/// </summary>
public sealed record SendAlertDigestsCommand : IScheduledJobCommand;

internal sealed class SendAlertDigestsHandler(IFixItDb db, IAlertMailer mailer, IOptions<AlertOptions> options, TimeProvider clock)
    : ICommandHandler<SendAlertDigestsCommand, JobRun>
{
    public async ValueTask<JobRun> Handle(SendAlertDigestsCommand command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var due = await db.AreaAlerts
            .Where(a => a.Frequency == AlertFrequency.Daily && a.ConfirmedAt != null && a.UnsubscribedAt == null && a.NextDigestAt <= now
                && db.AreaAlertMatches.Any(m => m.AlertId == a.Id))
            .OrderBy(a => a.Id).Take(settings.BatchSize)
            .ToListAsync(cancellationToken);

        var handled = 0;
        foreach (var alert in due)
        {
            var seen = alert.NextDigestAt;
            var next = now + settings.DigestInterval;
            var claimed = await db.AreaAlerts.Where(a => a.Id == alert.Id && a.NextDigestAt == seen)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.NextDigestAt, next), cancellationToken);
            if (claimed != 1)
            {
                continue;
            }

            alert.RecordDigest(next);
            handled++;
            var matches = await db.AreaAlertMatches.Where(m => m.AlertId == alert.Id).ToListAsync(cancellationToken);
            var reportIds = matches.Select(m => m.ReportId).Distinct().ToList();
            var reports = await db.Reports.Where(ReportStatusRules.IsPublicReport).Where(r => reportIds.Contains(r.Id))
                .OrderBy(r => r.Id).ToListAsync(cancellationToken);
            if (reports.Count > 0)
            {
                await mailer.QueueDigestAsync(alert, reports, cancellationToken);
            }

            db.AreaAlertMatches.RemoveRange(matches);
        }

        await db.SaveChangesAsync(cancellationToken);
        return JobRun.Of(handled, settings.BatchSize);
    }
}
