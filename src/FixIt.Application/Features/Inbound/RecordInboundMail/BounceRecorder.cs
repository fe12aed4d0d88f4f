using FixIt.Application.Abstractions;
using FixIt.Domain.Inbound;
using FixIt.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Inbound.RecordInboundMail;

/// <summary>
/// A delivery failure report about mail FixIt sent for this report. The failed recipient is read from the
/// report (multipart/report); when it names none, the address it came back to still ties it to the report.
/// </summary>
internal static class BounceRecorder
{
    public static async Task<Outcome> RecordAsync(IFixItDb db, Report report, InboundMail mail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var failed = mail.BouncedRecipients;
        var contacts = report.OperatorId is { } operatorId
            ? await db.OperatorContacts.Where(c => c.OperatorId == operatorId).ToListAsync(cancellationToken)
            : [];
        var bouncing = contacts
            .Where(c => failed.Any(f => ReplyAuthor.Matches(f, c.Email) || ReplyAuthor.SplitList(c.Cc).Any(cc => ReplyAuthor.Matches(f, cc))))
            .ToList();

        if (bouncing.Count > 0)
        {
            foreach (var contact in bouncing)
            {
                contact.BouncingSince ??= now;
            }

            var operatorName = await db.Operators.Where(o => o.Id == report.OperatorId).Select(o => o.Name).SingleAsync(cancellationToken);
            var text = $"An email to {operatorName} could not be delivered; an administrator will check the address.";
            report.RecordDeliveryProblem(ReportEventKind.Bounced, text, now);
            return new Outcome(InboundMessageStatus.Bounce, $"Contact(s) {string.Join(", ", bouncing.Select(c => c.Id))} marked as bouncing.", null);
        }

        if (failed.Any(f => ReplyAuthor.Matches(f, report.ReporterEmail)))
        {
            // The reporter's address is never public, and neither is the fact that it fails.
            const string note = "An email to the reporter could not be delivered.";
            report.AddNote(ActorKind.System, "FixIt", EventSource.System, note, now, isPublic: false);
            return new Outcome(InboundMessageStatus.Bounce, note, null);
        }

        var unmatched = $"A delivery failure report came back for this report without a recognised recipient: {mail.Subject}";
        report.AddNote(ActorKind.System, "FixIt", EventSource.System, unmatched, now, isPublic: false);
        return new Outcome(InboundMessageStatus.Bounce, unmatched, null);
    }
}
