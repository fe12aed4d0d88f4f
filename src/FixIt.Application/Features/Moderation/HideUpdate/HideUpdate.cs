using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Moderation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Moderation.HideUpdate;

/// <summary>
/// Staff take one timeline event (an update, a note, a status change) off the public timeline, feeds and Open311 notes
/// (<paramref name="Hide"/> true), or put it back. The id is the one the public API and Open311 (<c>update_id</c>) show.
/// </summary>
/// <remarks>Errors: 404 unknown report or an update not of that report; 409 hiding twice or unhiding a shown update; 400 naming <c>reason</c>.</remarks>
public sealed record HideUpdateCommand(int ReportId, long UpdateId, bool Hide, string? Reason, StaffActor Actor) : ICommand<ModeratedUpdate>;

/// <summary>The update after the action: whether the public sees it.</summary>
public sealed record ModeratedUpdate(int ReportId, long UpdateId, bool IsPublic);

internal sealed class HideUpdateValidator : AbstractValidator<HideUpdateCommand>
{
    public HideUpdateValidator() => RuleFor(c => c.Reason).Reason();
}

internal sealed class HideUpdateHandler(IFixItDb db, TimeProvider clock) : ICommandHandler<HideUpdateCommand, ModeratedUpdate>
{
    public async ValueTask<ModeratedUpdate> Handle(HideUpdateCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var update = await db.ReportEvents.SingleOrDefaultAsync(e => e.Id == command.UpdateId && e.ReportId == command.ReportId, cancellationToken)
            ?? throw new NotFoundException("Update", command.UpdateId);
        var wasPublic = update.IsPublic;
        if (command.Hide)
        {
            update.Hide(now);
        }
        else
        {
            update.Unhide();
        }

        var reason = command.Reason!.Trim();
        db.AuditEntries.Add(new AuditEntry(command.Actor, command.Hide ? AuditActions.HideUpdate : AuditActions.UnhideUpdate, now, reason,
            reportId: command.ReportId, updateId: update.Id,
            before: ModerationRules.Json(new Dictionary<string, object?> { ["public"] = wasPublic }),
            after: ModerationRules.Json(new Dictionary<string, object?> { ["public"] = update.IsPublic })));
        await db.SaveChangesAsync(cancellationToken);
        return new ModeratedUpdate(command.ReportId, update.Id, update.IsPublic);
    }
}
