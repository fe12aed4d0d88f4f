using FixIt.Application.Abstractions;
using FixIt.Application.Common.Scheduling;
using FixIt.Application.Features.Moderation.ListFlags;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FixIt.Application.Features.Moderation.SendFlagDigest;

/// <summary>
/// Tells staff about new flags: at most once per <c>Flags:DigestInterval</c>, every active admin and moderator gets one
/// email listing the items flagged since the last digest (with their counts and reasons) and a link to the queue. No
/// new flags, no email. The flags are claimed by a compare-and-set on <c>DigestedAt</c>, so two instances never send the
/// same flags twice; flags on what staff have hidden or dismissed since are claimed but left out. A scheduled job.
/// </summary>
public sealed record SendFlagDigestCommand : IScheduledJobCommand;

internal sealed class SendFlagDigestHandler(IFixItDb db, IFlagDigestMailer mailer, IOptions<FlagOptions> options, TimeProvider clock)
    : ICommandHandler<SendFlagDigestCommand, JobRun>
{
    public async ValueTask<JobRun> Handle(SendFlagDigestCommand command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // Whole microseconds, as every provider stores them: the claim below finds its rows by this value.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));
        var last = await db.ReportFlags.Where(f => f.DigestedAt != null).OrderByDescending(f => f.DigestedAt)
            .Select(f => f.DigestedAt).FirstOrDefaultAsync(cancellationToken);
        if (last is { } sent && now < sent + settings.DigestInterval)
        {
            return JobRun.Of(0, settings.DigestBatchSize);
        }

        var ids = await db.ReportFlags.Where(f => f.DigestedAt == null).OrderBy(f => f.Id).Select(f => f.Id)
            .Take(settings.DigestBatchSize).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return JobRun.Of(0, settings.DigestBatchSize);
        }

        // The claim: only flags no other run has taken; what this run took carries this run's time.
        var claimed = await db.ReportFlags.Where(f => ids.Contains(f.Id) && f.DigestedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.DigestedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return JobRun.Of(0, settings.DigestBatchSize);
        }

        var ours = await FlaggedItems.OpenOnVisible(db).Where(f => ids.Contains(f.Id) && f.DigestedAt == now).ToListAsync(cancellationToken);
        if (ours.Count > 0)
        {
            await mailer.QueueDigestAsync(await FlaggedItems.DescribeAsync(db, ours, settings.DigestBatchSize, cancellationToken), ours.Count,
                cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        // One digest per interval: a full batch waits for the next one rather than running again at once.
        return JobRun.Of(claimed, int.MaxValue);
    }
}
