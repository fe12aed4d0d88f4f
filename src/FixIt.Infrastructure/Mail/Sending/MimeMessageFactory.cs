using FixIt.Application.Common;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Mail.Composition;
using MimeKit;

namespace FixIt.Infrastructure.Mail.Sending;

/// <summary>Builds the MIME message for an outbox row; header text is made single-line here, whatever is stored.</summary>
internal static class MimeMessageFactory
{
    /// <param name="envelopeFrom">MAIL FROM: the report's VERP bounce address, or the From address.</param>
    public static OutgoingMail Create(OutboxMessage row, MailOptions options, string envelopeFrom, DateTimeOffset now)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(HeaderText.SingleLine(options.FromName), options.FromAddress));
        message.To.Add(new MailboxAddress(HeaderText.SingleLine(row.ToName), Address(row.ToAddress)));
        if (row.ReplyTo is { } replyTo)
        {
            message.ReplyTo.Add(new MailboxAddress("", Address(replyTo)));
        }

        message.Subject = HeaderText.SingleLine(row.Subject, 450);
        message.MessageId = row.MessageId;
        message.Date = now;

        // RFC 3834: mark it automatic, so vacation responders stay quiet.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (row.ListUnsubscribe is { } unsubscribe)
        {
            message.Headers.Add("List-Unsubscribe", $"<{HeaderText.SingleLine(unsubscribe, 500)}>");
        }

        message.Body = new BodyBuilder { TextBody = row.TextBody, HtmlBody = row.HtmlBody }.ToMessageBody();

        // RFC 3282: the language the message is written in, as its HTML part says (MailTemplates.Page). A Content-*
        // header belongs to the body entity (MIME), written in the message's header block.
        if (MailTemplates.LanguageOf(row.HtmlBody) is { } language)
        {
            message.Body.Headers.Add(HeaderId.ContentLanguage, language);
        }
        return new OutgoingMail(message, new MailboxAddress("", Address(envelopeFrom)));
    }

    private static string Address(string value)
    {
        // The rule every channel validated with, so what was accepted is what is sent (rows stored before it was the
        // one form are normalised here the same way).
        return EmailAddresses.Normalize(value)
            // The address itself is left out: this text is shown at /admin/mail.
            ?? throw new FormatException("An address of the message (recipient, Reply-To or envelope sender) is not a plain email address.");
    }
}
