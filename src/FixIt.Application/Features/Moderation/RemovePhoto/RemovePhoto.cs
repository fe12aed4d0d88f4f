using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Moderation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Moderation.RemovePhoto;

/// <summary>
/// Staff remove one of a report's own photos: its row goes, so it is no longer listed or served (a photo is served only
/// through its row). The stored file is left in the photo folder, unreachable; the audit log keeps which photo it was
/// (its id and storage key), so an admin can restore or erase it by hand.
/// </summary>
/// <remarks>Errors: 404 unknown report or a photo not of that report; 400 naming <c>reason</c>.</remarks>
public sealed record RemovePhotoCommand(int ReportId, int PhotoId, string? Reason, StaffActor Actor) : ICommand<RemovedPhoto>;

public sealed record RemovedPhoto(int ReportId, int PhotoId);

internal sealed class RemovePhotoValidator : AbstractValidator<RemovePhotoCommand>
{
    public RemovePhotoValidator() => RuleFor(c => c.Reason).Reason();
}

internal sealed class RemovePhotoHandler(IFixItDb db, TimeProvider clock) : ICommandHandler<RemovePhotoCommand, RemovedPhoto>
{
    public async ValueTask<RemovedPhoto> Handle(RemovePhotoCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var photo = await db.ReportPhotos.SingleOrDefaultAsync(p => p.Id == command.PhotoId && p.ReportId == command.ReportId, cancellationToken)
            ?? throw new NotFoundException("Photo", command.PhotoId);
        db.ReportPhotos.Remove(photo);
        db.AuditEntries.Add(new AuditEntry(command.Actor, AuditActions.RemovePhoto, now, command.Reason!.Trim(), reportId: command.ReportId,
            target: $"photo:{photo.Id}",
            before: ModerationRules.Json(new Dictionary<string, object?> { ["photoId"] = photo.Id, ["storageKey"] = photo.StorageKey }),
            after: null));
        await db.SaveChangesAsync(cancellationToken);
        return new RemovedPhoto(command.ReportId, photo.Id);
    }
}
