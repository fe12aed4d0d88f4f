using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Common.Tokens;
using FixIt.Application.Features.Reports.ConfirmByEmail;
using FixIt.Application.Features.Reports.SubmitReport;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.AddUpdate;

/// <summary>
/// A resident adds an update (words, up to three photos, or both) from the web, with the link an email gave them: the
/// reporter's (shown under the name they chose to show, or "the reporter"), or a follower's, which works only while
/// their subscription is confirmed and active (shown as "A follower"). The link works once. The update is published
/// at once, scrubbed like every public text, and staff can hide it like any update; the operator's contact is emailed
/// it (quoted) while the report is open and sent, and the reporter and the other followers are told.
/// </summary>
/// <remarks>Errors: <see cref="LinkTokenException"/> (unknown, used, expired, or a follower no longer following);
/// <see cref="NotFoundException"/> when the report is not public (hidden, unconfirmed).</remarks>
public sealed record AddUpdateCommand(string Token, string? Text) : ICommand<AddedUpdate>
{
    /// <summary>At most <see cref="PhotoRules.MaxCount"/>, through the report photos' checks and pipeline.</summary>
    public IReadOnlyList<PhotoUpload> Photos { get; init; } = [];
}

/// <summary>The report and the timeline entry the update became.</summary>
public sealed record AddedUpdate(int ReportId, long EventId);

internal sealed class AddUpdateHandler(IFixItDb db, IFollowUpMailer mailer, IPublisher publisher, IPhotoProcessor photos, TimeProvider clock)
    : ICommandHandler<AddUpdateCommand, AddedUpdate>
{
    public async ValueTask<AddedUpdate> Handle(AddUpdateCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (token, report) = await ResidentLinks.RedeemAsync(db, command.Token, TokenPurpose.Update, now, cancellationToken);

        var (kind, actor) = (ActorKind.Reporter, report.PublicReporterName);
        if (token.SubscriptionId is { } subscriptionId)
        {
            if (!await db.ReportSubscriptions.AnyAsync(s => s.Id == subscriptionId && s.ConfirmedAt != null && s.UnsubscribedAt == null, cancellationToken))
            {
                // Never confirmed, or unsubscribed since: the follower no longer speaks for the report.
                throw new LinkTokenException(LinkTokenProblem.Revoked);
            }

            (kind, actor) = (ActorKind.Follower, ReportEvent.FollowerName);
        }

        var words = string.IsNullOrWhiteSpace(command.Text) ? null : command.Text.Trim();
        var update = report.AddNote(kind, actor, EventSource.Web, words ?? PhotosOnly(command.Photos.Count), now);
        token.Use(now);
        await db.SaveChangesAsync(cancellationToken);
        await UpdatePhotoStore.AddAsync(db, photos, command.Photos, report.Id, update.Id, now, cancellationToken);

        // An open report's operator hears what residents add; a fixed or closed one's hears through "still not fixed".
        if (ReportStatusRules.TypeOf(report.Status) == StatusType.Open && report.SentAt is not null)
        {
            await mailer.QueueResidentUpdateAsync(report, update, command.Photos.Count, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await publisher.Publish(new ReportUpdated(report.Id, update.Id) { AuthorSubscriptionId = token.SubscriptionId }, cancellationToken);
        return new AddedUpdate(report.Id, update.Id);
    }

    private static string PhotosOnly(int count) => count == 1 ? "Added a photo." : $"Added {count} photos.";
}
