using FixIt.Application.Abstractions;
using FixIt.Application.Common.Scheduling;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Privacy.OpenMyReportsLink;

/// <summary>
/// "My reports" links hold the address they were sent to: once used or expired they are of no use, and are deleted.
/// A scheduled job; one idempotent delete.
/// </summary>
public sealed record DeleteExpiredMyReportsLinksCommand : IScheduledJobCommand;

internal sealed class DeleteExpiredMyReportsLinksHandler(IFixItDb db, TimeProvider clock) : ICommandHandler<DeleteExpiredMyReportsLinksCommand, JobRun>
{
    public async ValueTask<JobRun> Handle(DeleteExpiredMyReportsLinksCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var deleted = await db.MyReportsTokens.Where(t => t.UsedAt != null || t.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        return new JobRun(deleted, false);
    }
}
