using MimeKit;
using MimeKit.Text;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>
/// Picks the body a person wrote: the text/plain part where there is one (format=flowed undone), else the
/// HTML part turned into text. Attachments, forwarded messages and report parts are never the body.
/// </summary>
public static class ReplyTextExtractor
{
    public static string Extract(MimeMessage message)
    {
        TextPart? plain = null;
        TextPart? html = null;
        foreach (var part in BodyCandidates(message.Body))
        {
            if (part.IsPlain && plain is null)
            {
                plain = part;
            }
            else if (part.IsHtml && html is null)
            {
                html = part;
            }
        }

        var plainText = plain is null ? "" : BodyCharset.Decode(plain);
        if (plain is not null && plainText.Trim().Length > 0)
        {
            return Unflow(plain, plainText);
        }

        return html is null ? "" : HtmlToText.ConvertReply(BodyCharset.Decode(html));
    }

    private static string Unflow(TextPart part, string text)
    {
        if (!string.Equals(part.ContentType.Parameters["format"], "flowed", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        var converter = new FlowedToText
        {
            DeleteSpace = string.Equals(part.ContentType.Parameters["delsp"], "yes", StringComparison.OrdinalIgnoreCase),
        };
        // RFC 3676: the signature separator "-- " is never a flowed line, though it ends in a space.
        var signature = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l == "-- " ? "--" : l);
        return converter.Convert(string.Join('\n', signature));
    }

    /// <summary>Text parts in reading order, not descending into attached messages or attachments.</summary>
    private static IEnumerable<TextPart> BodyCandidates(MimeEntity? entity)
    {
        switch (entity)
        {
            case TextPart text when !text.IsAttachment:
                yield return text;
                break;
            case MultipartAlternative alternative:
                // The last alternative is the richest; a plain one anywhere still wins over HTML in Extract.
                foreach (var part in alternative.SelectMany(BodyCandidates))
                {
                    yield return part;
                }

                break;
            case Multipart multipart when multipart is not MultipartReport:
                foreach (var child in multipart)
                {
                    foreach (var part in BodyCandidates(child))
                    {
                        yield return part;
                    }

                    // In multipart/mixed the first body-like child is the message; later text parts are attachments.
                    if (multipart.ContentType.IsMimeType("multipart", "mixed") && child is TextPart or MultipartAlternative or MultipartRelated)
                    {
                        yield break;
                    }
                }

                break;
            case MultipartReport report when report.Count > 0:
                foreach (var part in BodyCandidates(report[0]))
                {
                    yield return part;
                }

                break;
        }
    }
}
