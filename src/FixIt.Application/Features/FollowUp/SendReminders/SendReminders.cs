using FixIt.Application.Abstractions;
using FixIt.Application.Common.Scheduling;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FixIt.Application.Features.FollowUp.SendReminders;

/// <summary>
/// Reminds operators of what they have not answered, by email to the contact the report went to, with fresh action
/// links: a sent report not acknowledged within the operator's acknowledge target gets up to <c>FollowUp:MaxReminders</c>
/// reminders, <c>FollowUp:ReminderInterval</c> apart; one acknowledged but still open after the fix target (counted from
/// sending, or from re-opening) gets one "still open" reminder. Each is on the public timeline. A scheduled job.
/// </summary>
public sealed record SendRemindersCommand : IScheduledJobCommand;

internal sealed class SendRemindersHandler(IFixItDb db, IFollowUpMailer mailer, IOptions<FollowUpOptions> options, TimeProvider clock)
    : ICommandHandler<SendRemindersCommand, JobRun>
{
    public async ValueTask<JobRun> Handle(SendRemindersCommand command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var maxReminders = settings.MaxReminders;
        var nextCutoff = now - settings.ReminderInterval;
        var handled = 0;

        // Targets are per operator: one query per operator keeps every comparison against a parameter (an index range).
        var operators = await db.Operators.AsNoTracking().OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.Name, o.AcknowledgeTargetDays, o.FixTargetDays })
            .ToListAsync(cancellationToken);
        foreach (var op in operators)
        {
            var ackCutoff = now.AddDays(-op.AcknowledgeTargetDays);
            var unanswered = await db.Reports.Where(ReportStatusRules.IsOpenReport)
                .Where(r => r.OperatorId == op.Id && r.AcknowledgedAt == null && r.SentAt != null && r.RemindersSent < maxReminders
                    && ((r.RemindersSent == 0 && r.SentAt <= ackCutoff) || (r.RemindersSent > 0 && r.LastReminderAt <= nextCutoff)))
                .OrderBy(r => r.Id).Take(settings.BatchSize - handled)
                .ToListAsync(cancellationToken);
            foreach (var report in unanswered)
            {
                // The claim: only the run whose update moves the count from what it read sends this reminder.
                var seen = report.RemindersSent;
                var claimed = await db.Reports.Where(r => r.Id == report.Id && r.RemindersSent == seen)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.RemindersSent, seen + 1), cancellationToken);
                if (claimed == 1 && await mailer.QueueReminderAsync(report, stillOpen: false, cancellationToken))
                {
                    report.RecordReminder(op.Name, now);
                    handled++;
                }
            }

            var fixCutoff = now.AddDays(-op.FixTargetDays);
            var overdue = await db.Reports.Where(ReportStatusRules.IsOpenReport)
                .Where(r => r.OperatorId == op.Id && r.AcknowledgedAt != null && r.SentAt != null && r.StillOpenReminderAt == null
                    && (r.ReopenedAt ?? r.SentAt) <= fixCutoff)
                .OrderBy(r => r.Id).Take(Math.Max(0, settings.BatchSize - handled))
                .ToListAsync(cancellationToken);
            foreach (var report in overdue)
            {
                var claimed = await db.Reports.Where(r => r.Id == report.Id && r.StillOpenReminderAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.StillOpenReminderAt, now), cancellationToken);
                if (claimed == 1 && await mailer.QueueReminderAsync(report, stillOpen: true, cancellationToken))
                {
                    report.RecordStillOpenReminder(op.Name, now);
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
