using FixIt.Application.Abstractions;
using FixIt.Domain.Inbound;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Inbound.RecordInboundMail;

/// <summary>
/// Mail to the VERP bounce address of one message FixIt sent. Only a delivery failure report for that message's
/// recipient counts (a standard report naming the recipient, or a mailer daemon's notice, which can only be about
/// the message whose address it came back to); anything else changes nothing on the report.
/// </summary>
internal static class BounceRecorder
{
    public static async Task<Outcome> RecordAsync(IFixItDb db, Report report, OutboxMessage sent, InboundMail mail, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (mail.Kind == InboundMailKind.AutoReply)
        {
            return new Outcome(InboundMessageStatus.AutoReply, $"An automatic reply came to the bounce address of message {sent.Id}; not recorded on the report.", null);
        }

        if (mail.Kind != InboundMailKind.Bounce)
        {
            return new Outcome(InboundMessageStatus.Ignored, $"A message that is not a delivery failure report came to the bounce address of message {sent.Id}; nothing recorded.", null);
        }

        if (sent.Status != OutboxStatus.Sent)
        {
            return new Outcome(InboundMessageStatus.Ignored, $"A delivery failure report came for message {sent.Id}, which FixIt has not sent; nothing recorded.", null);
        }

        if (mail.IsDeliveryStatusReport && !mail.BouncedRecipients.Any(f => ReplyAuthor.Matches(f, sent.ToAddress)))
        {
            return new Outcome(InboundMessageStatus.Ignored, $"A delivery failure report for message {sent.Id} names none of its recipients; nothing recorded.", null);
        }

        // One message fails once: more notices for it (or someone repeating one) add nothing.
        if (await db.InboundMessages.AnyAsync(m => m.ReportId == report.Id && m.ReplyKey == sent.BounceKey && m.Status == InboundMessageStatus.Bounce,
                cancellationToken))
        {
            return new Outcome(InboundMessageStatus.Ignored, $"Message {sent.Id} has already been recorded as bounced.", null);
        }

        switch (sent.Kind)
        {
            case MailKind.OperatorReport:
                var contacts = await db.OperatorContacts.Where(c => c.OperatorId == sent.OperatorId).ToListAsync(cancellationToken);
                var bouncing = contacts.Where(c => ReplyAuthor.Matches(c.Email, sent.ToAddress)).ToList();
                var said = mail.Text.ReplaceLineEndings(" ").Trim();
                foreach (var contact in bouncing)
                {
                    contact.MarkBouncing(now, $"Report {report.Id} (message {sent.Id}) came back as undeliverable" + (said.Length > 0 ? $": {said}" : "."));
                }

                var operatorName = await db.Operators.Where(o => o.Id == sent.OperatorId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken) ?? "the operator";
                report.RecordDeliveryProblem(ReportEventKind.Bounced, $"An email to {operatorName} could not be delivered; an administrator will check the address.", now);
                return new Outcome(InboundMessageStatus.Bounce,
                    $"Message {sent.Id} bounced; contact(s) {string.Join(", ", bouncing.Select(c => c.Id))} marked as bouncing.", null);
            case MailKind.SubscriptionConfirmation or MailKind.SubscriberUpdate:
                return Private(report, sent, "An email to a follower could not be delivered.", now);
            default:
                // The reporter's address is never public, and neither is the fact that it fails.
                return Private(report, sent, "An email to the reporter could not be delivered.", now);
        }
    }

    private static Outcome Private(Report report, OutboxMessage sent, string note, DateTimeOffset now)
    {
        report.AddNote(ActorKind.System, "FixIt", EventSource.System, note, now, isPublic: false);
        return new Outcome(InboundMessageStatus.Bounce, $"Message {sent.Id} ({sent.Kind}) bounced. {note}", null);
    }
}
