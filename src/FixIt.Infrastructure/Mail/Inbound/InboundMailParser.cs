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
    /// <summary>Longest published text, in characters as a person counts them (<see cref="TextElements"/>); a reply longer than this after stripping is cut (at a word if one is near the limit), not refused.</summary>
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

        // Cut before masking, so masking never works through megabytes, and at a space near the end if there is
        // one, so no address or number is split into a part the masker no longer recognises.
        var cut = !FitsPublication(stripped);
        if (cut)
        {
            stripped = CutForPublication(stripped);
        }

        var masked = Printable(ContactDetailsMasker.Mask(stripped, phoneRegion), keepNewLines: true).TrimEnd();
        if (!FitsPublication(masked))
        {
            masked = CutForPublication(masked);
            cut = true;
        }

        return cut ? masked + CutMark : masked;
    }

    private const string CutMark = " " + TextElements.Ellipsis;

    /// <summary>
    /// Most UTF-16 code units of a cut reply before <see cref="CutMark"/>: the timeline's column
    /// (<see cref="TextLimits.EventText"/>) less the mark and a margin for NFC, which the scrubber applies on the way
    /// in and which lengthens a few rare characters.
    /// </summary>
    private static readonly int MaxStoredLength = TextLimits.EventText.StorageLength - CutMark.Length - 64;

    private static bool FitsPublication(string text) => text.Length <= MaxStoredLength && TextElements.Fits(text, MaxTextLength);

    /// <summary>
    /// The reply cut to <see cref="MaxTextLength"/> characters (text elements) and <see cref="MaxStoredLength"/> code
    /// units, never inside a character. At a space or line break only when one lies in the last <see cref="WordCutShare"/>
    /// of what fits: text written without spaces (Japanese, Chinese, Thai, emoji) is cut at the limit, not back to an
    /// early space. A single character longer than the column (a letter under thousands of combining marks) keeps its
    /// base and as many marks as fit.
    /// </summary>
    internal static string CutForPublication(string text)
    {
        var head = TextElements.TruncateToLength(TextElements.Truncate(text, MaxTextLength), MaxStoredLength);
        if (head.Length == 0 && text.Length > 0)
        {
            var end = Math.Min(MaxStoredLength, text.Length);
            if (end < text.Length && char.IsHighSurrogate(text[end - 1]))
            {
                end--;
            }

            return text[..end];
        }

        var space = head.LastIndexOfAny([' ', '\n']);
        var near = head.Length - (int)(head.Length * WordCutShare);
        return (space > 0 && space >= near ? head[..space] : head).TrimEnd();
    }

    /// <summary>How near the end of the limit a space must be for the cut to go there instead (15 % of the kept text).</summary>
    private const double WordCutShare = 0.15;
}
