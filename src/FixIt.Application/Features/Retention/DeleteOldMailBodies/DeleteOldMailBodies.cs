using FixIt.Application.Abstractions;
using FixIt.Application.Common.Scheduling;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FixIt.Application.Features.Retention.DeleteOldMailBodies;

/// <summary>
/// Deletes the text and HTML of outgoing mail sent (or given up) more than <c>Retention:SentMailBodies</c> ago; the
/// record that it was sent (kind, recipient, subject, times, status) stays. Mail about a report that is still open keeps
/// its body: replies to it are parsed against what FixIt sent (ADR 0050), and ADR 0143 says why that is the line.
/// A scheduled job; one idempotent update, so no claim is needed; off when the setting is.
/// </summary>
public sealed record DeleteOldMailBodiesCommand : IScheduledJobCommand;

internal sealed class DeleteOldMailBodiesHandler(IFixItDb db, IOptions<RetentionOptions> retention, TimeProvider clock)
    : ICommandHandler<DeleteOldMailBodiesCommand, JobRun>
{
    public async ValueTask<JobRun> Handle(DeleteOldMailBodiesCommand command, CancellationToken cancellationToken)
    {
        if (retention.Value.SentMailBodiesPeriod is not { } period)
        {
            return new JobRun(0, false);
        }

        var before = clock.GetUtcNow() - period;
        var openReports = db.Reports.Where(ReportStatusRules.IsOpenReport).Select(r => (int?)r.Id);
        var deleted = await db.OutboxMessages
            .Where(m => m.Status != OutboxStatus.Pending && (m.SentAt ?? m.CreatedAt) < before && (m.TextBody != "" || m.HtmlBody != "")
                && !openReports.Contains(m.ReportId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.TextBody, "").SetProperty(m => m.HtmlBody, ""), cancellationToken);
        return new JobRun(deleted, false);
    }
}
