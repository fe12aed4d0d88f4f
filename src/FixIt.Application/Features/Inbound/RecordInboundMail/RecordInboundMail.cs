using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Reports;
using FixIt.Domain.Inbound;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Inbound.RecordInboundMail;

/// <summary>Applies a stored, parsed inbound message to its report. Runs once per message, even with several processors.</summary>
public sealed record RecordInboundMailCommand(long InboundMessageId, InboundMail Mail) : ICommand<InboundMessageStatus>;

internal sealed class RecordInboundMailHandler(IFixItDb db, IPublisher publisher, TimeProvider clock)
    : ICommandHandler<RecordInboundMailCommand, InboundMessageStatus>
{
    public async ValueTask<InboundMessageStatus> Handle(RecordInboundMailCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // The claim: a conditional update inside this transaction. A second processor of the same message
        // waits on the row lock and then matches nothing, so the message is applied exactly once.
        var claimed = await db.InboundMessages
            .Where(m => m.Id == command.InboundMessageId && m.Status == InboundMessageStatus.Received)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, now), cancellationToken);
        var message = await db.InboundMessages.SingleAsync(m => m.Id == command.InboundMessageId, cancellationToken);
        if (claimed == 0)
        {
            return message.Status;
        }

        var mail = command.Mail;
        message.Identify(mail.MessageId);
        message.RecordDkim(mail.Dkim.Result, mail.Dkim.Domain);

        // A bounce address names one sent message; a reply address one recipient. Each is looked up only as itself.
        var sent = mail.ToBounceAddress && message.ReplyKey is { } bounceKey
            ? await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.BounceKey == bounceKey, cancellationToken) : null;
        var key = !mail.ToBounceAddress && message.ReplyKey is { } replyKey
            ? await db.ReplyKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Key == replyKey, cancellationToken) : null;
        var reportId = sent?.ReportId ?? key?.ReportId;
        var report = reportId is null ? null : await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            message.Complete(InboundMessageStatus.Ignored, null, mail.ToBounceAddress ? "No sent message has this bounce address." : "No recipient has this reply key.", now);
            await db.SaveChangesAsync(cancellationToken);
            return message.Status;
        }

        if (await IsDuplicateAsync(message, cancellationToken))
        {
            message.Complete(InboundMessageStatus.Duplicate, report.Id, $"Already received as {mail.MessageId}.", now);
            await db.SaveChangesAsync(cancellationToken);
            return message.Status;
        }

        var outcome = sent is not null
            ? await BounceRecorder.RecordAsync(db, report, sent, mail, now, cancellationToken)
            : await FromRecipientAsync(report, key!, mail, now, cancellationToken);

        message.Complete(outcome.Status, report.Id, outcome.Explanation, now);
        await db.SaveChangesAsync(cancellationToken);

        if (outcome.Status == InboundMessageStatus.Published)
        {
            var published = outcome.PublishedEvent!;
            foreach (var photo in mail.Photos)
            {
                db.UpdatePhotos.Add(new UpdatePhoto(report.Id, published.Id, photo.FileName, photo.ContentType, photo.Length, photo.StoredName, now));
            }

            await db.SaveChangesAsync(cancellationToken);
            await publisher.Publish(new ReportUpdated(report.Id, published.Id), cancellationToken);
        }

        return message.Status;
    }

    private async Task<bool> IsDuplicateAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        // A sending server that timed out after DATA delivers again with the same Message-ID.
        if (message.MessageId is null)
        {
            return false;
        }

        return await db.InboundMessages.AnyAsync(m => m.Id != message.Id && m.MessageId == message.MessageId
            && m.ReplyKey == message.ReplyKey
            && m.Status != InboundMessageStatus.Received && m.Status != InboundMessageStatus.Failed
            && m.Status != InboundMessageStatus.Duplicate, cancellationToken);
    }

    private async Task<Outcome> FromRecipientAsync(Report report, ReplyKey key, InboundMail mail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (mail.Kind == InboundMailKind.Bounce)
        {
            return new Outcome(InboundMessageStatus.Ignored, "A delivery failure report came to a reply address; only a message's own bounce address takes them.", null);
        }

        // Residents on the block list are dropped, whatever the key; an operator's own key is not a resident's (ADR 0150).
        if (key.Holder != ReplyKeyHolder.Operator && await SenderBlockList.IsBlockedAsync(db, mail.FromAddress, cancellationToken))
        {
            return new Outcome(InboundMessageStatus.Ignored, "From a sender on the block list: dropped.", null);
        }

        var author = await ReplyAuthor.IdentifyAsync(db, report, key, mail, cancellationToken);
        return author.Kind switch
        {
            AuthorKind.Unverified when mail.Kind == InboundMailKind.AutoReply =>
                new Outcome(InboundMessageStatus.AutoReply, $"An automatic reply, not recorded on the report. {author.Reason}", null),
            AuthorKind.Unverified => new Outcome(InboundMessageStatus.Held, $"Held for an admin: {author.Reason}", null),
            _ when mail.Kind == InboundMailKind.AutoReply => KeepPrivate(report, InboundMessageStatus.AutoReply,
                $"An automatic reply from {author.Describe()} was received and not published: {mail.Subject}", now),
            AuthorKind.Follower => new Outcome(InboundMessageStatus.KeptPrivate, "A follower's reply; followers' replies are kept for admins, never published.", null),
            AuthorKind.Operator when report.OperatorId != key.OperatorId => KeepPrivate(report, InboundMessageStatus.KeptPrivate,
                $"A reply from {author.Describe()}, no longer responsible for this report, was kept for admins.", now),
            _ => ReplyPublisher.Apply(report, author, mail, now),
        };
    }

    private static Outcome KeepPrivate(Report report, InboundMessageStatus status, string note, DateTimeOffset now)
    {
        report.AddNote(ActorKind.System, "FixIt", EventSource.EmailReply, note, now, isPublic: false);
        return new Outcome(status, note, null);
    }
}

/// <summary>How one message was applied; PublishedEvent is set when the public timeline got a new entry.</summary>
internal sealed record Outcome(InboundMessageStatus Status, string Explanation, ReportEvent? PublishedEvent);
