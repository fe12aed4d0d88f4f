using FixIt.Application.Abstractions;
using FixIt.Application.Common.Scheduling;
using FixIt.Application.Features.FollowUp;
using FixIt.Application.Features.Privacy;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FixIt.Application.Features.Retention.AnonymiseClosedReports;

/// <summary>
/// Erases the reporter's name and contact details from reports fixed or closed more than
/// <c>Retention:ClosedReportContacts</c> ago, as an erasure would (<see cref="ReportContactEraser"/>): the report stays,
/// as "A resident"'s. A scheduled job; off when the setting is.
/// </summary>
public sealed record AnonymiseClosedReportsCommand : IScheduledJobCommand;

internal sealed class AnonymiseClosedReportsHandler(IFixItDb db, IOptions<RetentionOptions> retention, IOptions<FollowUpOptions> followUp,
    TimeProvider clock) : ICommandHandler<AnonymiseClosedReportsCommand, JobRun>
{
    private static readonly IReadOnlyList<ReportStatus> Fixed = ReportStatusRules.StatusesOf(StatusType.Fixed);
    private static readonly IReadOnlyList<ReportStatus> Closed = ReportStatusRules.StatusesOf(StatusType.Closed);

    public async ValueTask<JobRun> Handle(AnonymiseClosedReportsCommand command, CancellationToken cancellationToken)
    {
        if (retention.Value.ClosedReportContactsPeriod is not { } period)
        {
            return new JobRun(0, false);
        }

        var now = clock.GetUtcNow();
        var cutoff = now - period;
        var batch = followUp.Value.BatchSize;
        var ids = await db.Reports
            .Where(r => r.ContactErasedAt == null
                && ((Fixed.Contains(r.Status) && r.FixedAt <= cutoff) || (Closed.Contains(r.Status) && r.ClosedAt <= cutoff)))
            .OrderBy(r => r.Id).Take(batch).Select(r => r.Id)
            .ToListAsync(cancellationToken);

        var handled = 0;
        foreach (var id in ids)
        {
            // Claimed like every job's item: the run that sets the column acts, any other finds it set.
            var claimed = await db.Reports.Where(r => r.Id == id && r.ContactErasedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ContactErasedAt, now), cancellationToken);
            if (claimed == 1)
            {
                var report = await db.Reports.Include(r => r.Events).SingleAsync(r => r.Id == id, cancellationToken);
                await ReportContactEraser.EraseAsync(db, report, now, cancellationToken);
                handled++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return JobRun.Of(handled, batch);
    }
}
