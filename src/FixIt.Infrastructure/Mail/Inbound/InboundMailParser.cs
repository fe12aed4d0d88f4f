using FixIt.Application.Features.Inbound.RecordInboundMail;
using FixIt.Domain.Text;
using MimeKit;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>A parsed message: what is to be recorded, plus the photos still to be written to disk.</summary>
public sealed record ParsedInboundMail(InboundMail Mail, IReadOnlyList<PhotoCandidate> Photos)
{
    /// <summary>The MIME message itself, for the checks that need the network (DKIM).</summary>
    public MimeMessage? Message { get; init; }
}

/// <summary>
/// The whole parsing pipeline for one raw message, the same for the SMTP and IMAP paths: MIME, bounce and
/// auto-reply recognition, body choice, quote and signature stripping, contact details masking, photos.
/// Pure: no database, no files.
/// </summary>
public static class InboundMailParser
{
    /// <summary>Longest published text, in characters as a person counts them (<see cref="TextElements"/>); a reply longer than this after stripping is cut at a word, not refused.</summary>
    public const int MaxTextLength = 8000;

    // Every path that reads mail (SMTP, IMAP, the command line, tests) comes through here: all code pages first.
    static InboundMailParser() => BodyCharset.EnsureRegistered();

    /// <param name="sent">What FixIt sent the author about the report (<see cref="SentMailText"/>): never published back.</param>
    public static ParsedInboundMail Parse(byte[] raw, string? envelopeFrom, bool toBounceAddress, InboundMailOptions options, SentMailText? sent = null)
    {
        // The structure is counted first, without building it: many tiny parts cost memory per part.
        MimeStructureGuard.Check(raw, options);
        using var stream = new MemoryStream(raw, writable: false);
        var message = MimeMessage.Load(new ParserOptions { MaxMimeDepth = options.MaxMimeDepth + 1 }, stream);

        var parsed = ParseMessage(message, envelopeFrom, toBounceAddress, options, sent ?? SentMailText.None);
        return parsed with { Message = message };
    }

    private static ParsedInboundMail ParseMessage(MimeMessage message, string? envelopeFrom, bool toBounceAddress, InboundMailOptions options,
        SentMailText sent)
    {
        var from = Clean(message.From.Mailboxes.FirstOrDefault()?.Address ?? message.Sender?.Address, 254);
        var messageId = Clean(message.MessageId, 250);
        var subject = Clean(message.Subject, 200);
        var bounce = BounceDetector.Detect(message, envelopeFrom);
        if (bounce.IsBounce && !bounce.OnlyDelayed)
        {
            var failed = bounce.FailedRecipients.Select(r => Clean(r, 254)).OfType<string>().ToList();
            return new ParsedInboundMail(new InboundMail(InboundMailKind.Bounce, from, subject, "", [], failed, messageId)
            {
                ToBounceAddress = toBounceAddress,
                IsDeliveryStatusReport = bounce.IsDeliveryStatus,
            }, []);
        }

        if (bounce.OnlyDelayed || AutoReplyDetector.IsAutoReply(message))
        {
            return new ParsedInboundMail(new InboundMail(InboundMailKind.AutoReply, from, subject, "", [], [], messageId) { ToBounceAddress = toBounceAddress }, []);
        }

        var text = PublishableText(ReplyTextExtractor.Extract(message), options.DefaultPhoneRegion, sent);
        var photos = PhotoCollector.Collect(message, options);
        var problem = FromProblem(message);
        return new ParsedInboundMail(new InboundMail(InboundMailKind.Reply, problem is null ? from : null, subject, text, [], [], messageId)
        {
            ToBounceAddress = toBounceAddress,
            FromProblem = problem,
        }, photos);
    }

    /// <summary>
    /// RFC 5322 allows one From header naming one mailbox (several only with a Sender, which FixIt does not
    /// trust either). Anything else is not taken as any one sender: judging by the first would let
    /// "From: the-operator, mallory" speak as the operator.
    /// </summary>
    private static string? FromProblem(MimeMessage message)
    {
        var headers = message.Headers.Count(h => h.Id == HeaderId.From);
        var mailboxes = message.From.Mailboxes.Count();
        return (headers, mailboxes) switch
        {
            (0, _) => "The message has no From header; one sender is required.",
            ( > 1, _) => $"The message has {headers} From headers; one sender is required.",
            (_, 1) => null,
            _ => $"The From header names {mailboxes} mailboxes; one sender is required.",
        };
    }

    /// <summary>Header values go into the database and admin notes: no control characters (PostgreSQL refuses NUL), bounded.</summary>
    private static string? Clean(string? value, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        var clean = Printable(value, keepNewLines: false).Trim();
        return clean.Length == 0 ? null : TextElements.TruncateToLength(clean, maxLength);
    }

    /// <summary>Drops control characters, lone surrogates (not encodable as UTF-8) and replacement characters.</summary>
    private static string Printable(string value, bool keepNewLines)
    {
        var builder = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (!char.IsSurrogate(c) && c != '\uFFFD' && (!char.IsControl(c) || keepNewLines && c == '\n'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The text stages on their own: strip quotes and signatures, mask contact details, bound the length.</summary>
    public static string PublishableText(string body, string phoneRegion, SentMailText? sent = null)
    {
        // Page breaks become line breaks before lines are read; other unsafe characters go (TextCharacters).
        var stripped = QuoteStripper.Strip(TextCharacters.Clean(body), sent ?? SentMailText.None);

        // Cut before masking, so masking never works through megabytes, and at a space, so no address or
        // number is split into a part the masker no longer recognises.
        var cut = !TextElements.Fits(stripped, MaxTextLength);
        if (cut)
        {
            stripped = CutAtSpace(stripped);
        }

        var masked = Printable(ContactDetailsMasker.Mask(stripped, phoneRegion), keepNewLines: true).TrimEnd();
        if (!TextElements.Fits(masked, MaxTextLength))
        {
            masked = CutAtSpace(masked);
            cut = true;
        }

        return cut ? masked + " …" : masked;
    }

    private static string CutAtSpace(string text)
    {
        var head = TextElements.Truncate(text, MaxTextLength);
        var space = head.LastIndexOfAny([' ', '\n']);
        return (space > 0 ? head[..space] : head).TrimEnd();
    }
}
