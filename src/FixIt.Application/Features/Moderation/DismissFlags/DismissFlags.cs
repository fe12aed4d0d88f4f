using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Moderation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Moderation.DismissFlags;

/// <summary>
/// Staff look at a flagged report (<paramref name="UpdateId"/> null) or update and leave it as it is: its open flags are
/// dismissed (it leaves the queue, and the flaggers' keys are cleared) and the audit log says how many, why and by whom.
/// To take the item down instead, staff hide it (<see cref="HideReport.HideReportCommand"/>, <see cref="HideUpdate.HideUpdateCommand"/>).
/// </summary>
/// <remarks>Errors: 404 unknown report; 409 when the item has no open flags; 400 naming <c>reason</c>.</remarks>
public sealed record DismissFlagsCommand(int ReportId, long? UpdateId, string? Reason, StaffActor Actor) : ICommand<DismissedFlags>;

public sealed record DismissedFlags(int ReportId, long? UpdateId, int Dismissed);

internal sealed class DismissFlagsValidator : AbstractValidator<DismissFlagsCommand>
{
    public DismissFlagsValidator() => RuleFor(c => c.Reason).Reason();
}

internal sealed class DismissFlagsHandler(IFixItDb db, TimeProvider clock) : ICommandHandler<DismissFlagsCommand, DismissedFlags>
{
    public async ValueTask<DismissedFlags> Handle(DismissFlagsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = await db.ReportFlags.Where(f => f.ReportId == command.ReportId && f.UpdateId == command.UpdateId && f.DismissedAt == null)
            .OrderBy(f => f.Id).ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            if (!await db.Reports.AnyAsync(r => r.Id == command.ReportId, cancellationToken))
            {
                throw new NotFoundException("Report", command.ReportId);
            }

            throw new ModerationConflictException(command.UpdateId is null ? "This report has no open flags." : "This update has no open flags.");
        }

        var reasons = open.GroupBy(f => f.Reason).OrderBy(g => g.Key).ToDictionary(g => g.Key.Slug(), g => (object?)g.Count());
        open.ForEach(f => f.Dismiss(now));
        var reason = command.Reason!.Trim();
        db.AuditEntries.Add(new AuditEntry(command.Actor, AuditActions.DismissFlags, now, reason,
            reportId: command.ReportId, updateId: command.UpdateId,
            before: ModerationRules.Json(new Dictionary<string, object?> { ["openFlags"] = open.Count, ["reasons"] = reasons }),
            after: ModerationRules.Json(new Dictionary<string, object?> { ["openFlags"] = 0 })));
        await db.SaveChangesAsync(cancellationToken);
        return new DismissedFlags(command.ReportId, command.UpdateId, open.Count);
    }
}
