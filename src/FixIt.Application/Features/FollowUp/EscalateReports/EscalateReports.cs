using FixIt.Application.Abstractions;
using FixIt.Application.Common.Scheduling;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FixIt.Application.Features.FollowUp.EscalateReports;

/// <summary>
/// Escalates what the reminders did not move: <c>FollowUp:ReminderInterval</c> after the last reminder (the last of
/// <c>FollowUp:MaxReminders</c> unanswered ones, or the "still open" one), the operator's escalation contact is emailed
/// the report with its public history, once per report; the timeline says so and the operator's figures count it.
/// Operators without an escalation contact are not escalated. A scheduled job.
/// </summary>
public sealed record EscalateReportsCommand : IScheduledJobCommand;

internal sealed class EscalateReportsHandler(IFixItDb db, IFollowUpMailer mailer, IOptions<FollowUpOptions> options, TimeProvider clock)
    : ICommandHandler<EscalateReportsCommand, JobRun>
{
    public async ValueTask<JobRun> Handle(EscalateReportsCommand command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var maxReminders = settings.MaxReminders;
        var cutoff = now - settings.ReminderInterval;
        var handled = 0;

        var operators = await db.Operators.AsNoTracking().Where(o => o.EscalationEmail != null).OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.Name })
            .ToListAsync(cancellationToken);
        foreach (var op in operators)
        {
            var due = await db.Reports.Where(ReportStatusRules.IsOpenReport)
                .Where(r => r.OperatorId == op.Id && r.EscalatedAt == null
                    && ((r.AcknowledgedAt == null && r.RemindersSent >= maxReminders && r.LastReminderAt <= cutoff)
                        || (r.StillOpenReminderAt != null && r.StillOpenReminderAt <= cutoff)))
                .Include(r => r.Events)
                .OrderBy(r => r.Id).Take(settings.BatchSize - handled)
                .ToListAsync(cancellationToken);
            foreach (var report in due)
            {
                var claimed = await db.Reports.Where(r => r.Id == report.Id && r.EscalatedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.EscalatedAt, now), cancellationToken);
                if (claimed == 1 && await mailer.QueueEscalationAsync(report, cancellationToken))
                {
                    report.RecordEscalation(op.Name, now);
                    handled++;
                }
            }

            if (handled >= settings.BatchSize)
            {
                break;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return JobRun.Of(handled, settings.BatchSize);
    }
}
