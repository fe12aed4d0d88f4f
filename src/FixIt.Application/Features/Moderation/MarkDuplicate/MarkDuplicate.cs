using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Moderation.HideReport;
using FixIt.Application.Features.Reports;
using FixIt.Domain.Messaging;
using FixIt.Domain.Moderation;
using FixIt.Domain.Reports;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Moderation.MarkDuplicate;

/// <summary>
/// Staff say a report duplicates another, public one: the duplicate closes (status Duplicate, a public note naming the
/// original), both pages link each other, and the duplicate's followers (its confirmed reporter and its active
/// subscribers) now follow the original instead.
/// </summary>
/// <remarks>Errors: 404 either report unknown (or the original not public); 400 a report as its own duplicate or no <c>reason</c>; 409 the status does not allow it.</remarks>
public sealed record MarkDuplicateCommand(int ReportId, int OriginalId, string? Reason, StaffActor Actor) : ICommand<ModeratedReport>;

internal sealed class MarkDuplicateValidator : AbstractValidator<MarkDuplicateCommand>
{
    public MarkDuplicateValidator()
    {
        RuleFor(c => c.Reason).Reason();
        RuleFor(c => c.OriginalId).NotEqual(c => c.ReportId).WithMessage("A report cannot be a duplicate of itself.");
    }
}

internal sealed class MarkDuplicateHandler(IFixItDb db, IPublisher publisher, TimeProvider clock) : ICommandHandler<MarkDuplicateCommand, ModeratedReport>
{
    public async ValueTask<ModeratedReport> Handle(MarkDuplicateCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var duplicate = await db.Reports.SingleOrDefaultAsync(r => r.Id == command.ReportId, cancellationToken)
            ?? throw new NotFoundException("Report", command.ReportId);
        var original = await db.Reports.Where(ReportStatusRules.IsPublicReport).SingleOrDefaultAsync(r => r.Id == command.OriginalId, cancellationToken)
            ?? throw new NotFoundException("Report", command.OriginalId);
        var statusBefore = duplicate.Status;
        var change = duplicate.MarkDuplicateOf(original, now);
        var moved = await MoveFollowersAsync(duplicate, original.Id, now, cancellationToken);

        var reason = command.Reason!.Trim();
        db.AuditEntries.Add(new AuditEntry(command.Actor, AuditActions.MarkDuplicate, now, reason, reportId: duplicate.Id, updateId: null,
            target: $"report:{original.Id}",
            before: ModerationRules.Json(new Dictionary<string, object?> { ["status"] = statusBefore.ToString(), ["duplicateOf"] = null }),
            after: ModerationRules.Json(new Dictionary<string, object?>
            {
                ["status"] = duplicate.Status.ToString(), ["duplicateOf"] = original.Id, ["followersMoved"] = moved,
            })));
        await db.SaveChangesAsync(cancellationToken);
        await publisher.Publish(new ReportUpdated(duplicate.Id, change.Id), cancellationToken);
        return new ModeratedReport(duplicate.Id, duplicate.Status);
    }

    // Each active subscriber of the duplicate, and its reporter once confirmed, follows the original (once per address).
    private async Task<int> MoveFollowersAsync(Report duplicate, int originalId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var following = (await db.ReportSubscriptions.Where(s => s.ReportId == originalId).Select(s => s.Email).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var subscribers = await db.ReportSubscriptions
            .Where(s => s.ReportId == duplicate.Id && s.ConfirmedAt != null && s.UnsubscribedAt == null)
            .ToListAsync(cancellationToken);
        var addresses = subscribers.Select(s => s.Email).ToList();
        if (duplicate.ConfirmedAt is not null)
        {
            addresses.Add(ReportSubscription.Normalize(duplicate.ReporterEmail));
        }

        var moved = 0;
        foreach (var email in addresses.Distinct(StringComparer.Ordinal).Where(following.Add))
        {
            var subscription = new ReportSubscription(originalId, email, now);
            subscription.Confirm(now);
            subscription.AskedIn(subscribers.FirstOrDefault(s => s.Email == email)?.Language ?? duplicate.Language);
            db.ReportSubscriptions.Add(subscription);
            moved++;
        }

        subscribers.ForEach(s => s.Unsubscribe(now));
        return moved;
    }
}
