using FixIt.Application.Abstractions;
using FixIt.Application.Common.Scheduling;
using FixIt.Domain.Alerts;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FixIt.Application.Features.Alerts.SendAlerts;

/// <summary>
/// Matches each newly public report against the confirmed alerts (through <see cref="AlertIndexHolder"/>, never a scan
/// of the alerts) once: the report is claimed by turning its <see cref="Report.AlertsDue"/> off, then each immediate
/// alert it matches is emailed and each daily one gets a row for its next digest. A scheduled job.
/// </summary>
public sealed record SendAlertsCommand : IScheduledJobCommand;

internal sealed class SendAlertsHandler(IFixItDb db, IAlertMailer mailer, AlertIndexHolder holder, IOptions<AlertOptions> options, TimeProvider clock)
    : ICommandHandler<SendAlertsCommand, JobRun>
{
    public async ValueTask<JobRun> Handle(SendAlertsCommand command, CancellationToken cancellationToken)
    {
        var batchSize = options.Value.BatchSize;
        var due = await db.Reports.Where(ReportStatusRules.IsPublicReport).Where(r => r.AlertsDue)
            .OrderBy(r => r.Id).Take(batchSize).Include(r => r.Areas)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return new JobRun(0, false);
        }

        var now = clock.GetUtcNow();
        var index = await holder.CurrentAsync(db, cancellationToken);
        var handled = 0;
        foreach (var report in due)
        {
            var claimed = await db.Reports.Where(r => r.Id == report.Id && r.AlertsDue)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.AlertsDue, false), cancellationToken);
            if (claimed != 1)
            {
                continue;
            }

            report.RecordAlertsMatched();
            handled++;
            var ids = index.Match(report.Latitude, report.Longitude, [.. report.Areas.Select(a => a.AreaId)], report.CategoryId);
            if (ids.Count == 0)
            {
                continue;
            }

            // The index may be a moment behind a stop made since it was built: each alert is checked again in its row.
            var alerts = await db.AreaAlerts.Where(a => ids.Contains(a.Id) && a.ConfirmedAt != null && a.UnsubscribedAt == null)
                .OrderBy(a => a.Id).ToListAsync(cancellationToken);
            foreach (var alert in alerts)
            {
                if (alert.Frequency == AlertFrequency.Daily)
                {
                    db.AreaAlertMatches.Add(new AreaAlertMatch(alert.Id, report.Id, now));
                }
                else
                {
                    await mailer.QueueReportAsync(alert, report, cancellationToken);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new JobRun(handled, due.Count >= batchSize);
    }
}
