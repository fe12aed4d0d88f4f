using FixIt.Application.Features.Inbound.RecordInboundMail;
using MimeKit;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>A parsed message: what is to be recorded, plus the photos still to be written to disk.</summary>
public sealed record ParsedInboundMail(InboundMail Mail, IReadOnlyList<PhotoCandidate> Photos);

/// <summary>
/// The whole parsing pipeline for one raw message, the same for the SMTP and IMAP paths: MIME, bounce and
/// auto-reply recognition, body choice, quote and signature stripping, contact details masking, photos.
/// Pure: no database, no files.
/// </summary>
public static class InboundMailParser
{
    /// <summary>Longest published text; a reply longer than this after stripping is cut, not refused.</summary>
    public const int MaxTextLength = 8000;

    public static ParsedInboundMail Parse(byte[] raw, string? envelopeFrom, bool toBounceAddress, InboundMailOptions options)
    {
        using var stream = new MemoryStream(raw, writable: false);
        var message = MimeMessage.Load(new ParserOptions { MaxMimeDepth = 64 }, stream);
        var from = message.From.Mailboxes.FirstOrDefault()?.Address ?? message.Sender?.Address;
        var messageId = string.IsNullOrWhiteSpace(message.MessageId) ? null : message.MessageId;
        var subject = message.Subject is { Length: > 200 } s ? s[..200] : message.Subject;

        var bounce = BounceDetector.Detect(message, envelopeFrom, toBounceAddress);
        if (bounce.IsBounce && !bounce.OnlyDelayed)
        {
            return new ParsedInboundMail(new InboundMail(InboundMailKind.Bounce, from, subject, "", [], bounce.FailedRecipients, messageId), []);
        }

        if (bounce.OnlyDelayed || AutoReplyDetector.IsAutoReply(message))
        {
            return new ParsedInboundMail(new InboundMail(InboundMailKind.AutoReply, from, subject, "", [], [], messageId), []);
        }

        var text = PublishableText(ReplyTextExtractor.Extract(message), options.DefaultPhoneRegion);
        var photos = PhotoCollector.Collect(message, options);
        return new ParsedInboundMail(new InboundMail(InboundMailKind.Reply, from, subject, text, [], [], messageId), photos);
    }

    /// <summary>The text stages on their own: strip quotes and signatures, mask contact details, bound the length.</summary>
    public static string PublishableText(string body, string phoneRegion)
    {
        var stripped = QuoteStripper.Strip(body);
        var masked = ContactDetailsMasker.Mask(stripped, phoneRegion);
        var clean = new string([.. masked.Where(c => !char.IsControl(c) || c == '\n')]);
        return clean.Length <= MaxTextLength ? clean : clean[..MaxTextLength].TrimEnd() + " …";
    }
}
