using FixIt.Application.Abstractions;
using FixIt.Application.Common.Scheduling;
using FixIt.Domain.Inbound;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FixIt.Application.Features.Retention.DeleteOldInboundMail;

/// <summary>
/// Raw inbound mail holds whatever the sender wrote, attachments and quoted threads included: once a message has been
/// processed and <c>Retention:InboundRawMail</c> has passed, its raw bytes are deleted. The row stays, with its size,
/// status, report and outcome, and what was published from it stays on the report. Messages never processed are kept.
/// A scheduled job; one idempotent update, so no claim is needed; off when the setting is.
/// </summary>
public sealed record DeleteOldInboundMailCommand : IScheduledJobCommand;

internal sealed class DeleteOldInboundMailHandler(IFixItDb db, IOptions<RetentionOptions> retention, TimeProvider clock)
    : ICommandHandler<DeleteOldInboundMailCommand, JobRun>
{
    public async ValueTask<JobRun> Handle(DeleteOldInboundMailCommand command, CancellationToken cancellationToken)
    {
        if (retention.Value.InboundRawMailPeriod is not { } period)
        {
            return new JobRun(0, false);
        }

        var before = clock.GetUtcNow() - period;
        var empty = Array.Empty<byte>();
        var deleted = await db.InboundMessages
            .Where(m => m.Status != InboundMessageStatus.Received && m.ReceivedAt < before && m.Size > 0 && m.Raw != empty)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Raw, empty), cancellationToken);
        return new JobRun(deleted, false);
    }
}
