using MimeKit;
using MimeKit.Text;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>
/// Picks the body a person wrote: the text/plain part where there is one (format=flowed undone), else the
/// HTML part turned into text. Attachments, forwarded messages and report parts are never the body.
/// In multipart/mixed, the inline text parts that follow the first body (Apple Mail's text, image, text) are
/// part of it: the plain parts are joined in order, and so are the HTML parts. A text part with
/// Content-Disposition attachment or a file name is an attachment, never the body.
/// </summary>
public static class ReplyTextExtractor
{
    public static string Extract(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var plain = new List<TextPart>();
        var html = new List<TextPart>();
        foreach (var part in BodyCandidates(message.Body))
        {
            if (part.IsPlain)
            {
                plain.Add(part);
            }
            else if (part.IsHtml)
            {
                html.Add(part);
            }
        }

        var plainText = string.Join('\n', plain.Select(p => Unflow(p, BodyCharset.Decode(p))));
        if (plainText.Trim().Length > 0)
        {
            return plainText;
        }

        return string.Join('\n', html.Select(h => HtmlToText.ConvertReply(BodyCharset.Decode(h))));
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

    /// <summary>Content-Disposition attachment, or a file name in the disposition or the type's name parameter.</summary>
    private static bool IsAttachment(TextPart part) =>
        part.IsAttachment || !string.IsNullOrEmpty(part.ContentDisposition?.FileName) || !string.IsNullOrEmpty(part.ContentType.Name);

    /// <summary>Text parts in reading order, not descending into attached messages or attachments.</summary>
    private static IEnumerable<TextPart> BodyCandidates(MimeEntity? entity)
    {
        switch (entity)
        {
            case TextPart text when !IsAttachment(text):
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
                var mixed = multipart.ContentType.IsMimeType("multipart", "mixed");
                var bodySeen = false;
                foreach (var child in multipart)
                {
                    // In multipart/mixed the first body-like child is the message; after it only inline text
                    // parts continue it (text, image, text), and anything else body-like ends it.
                    if (mixed && bodySeen && child is not TextPart)
                    {
                        if (child is MultipartAlternative or MultipartRelated)
                        {
                            yield break;
                        }

                        continue;
                    }

                    foreach (var part in BodyCandidates(child))
                    {
                        yield return part;
                    }

                    bodySeen |= child switch
                    {
                        TextPart text => !IsAttachment(text),
                        MultipartAlternative or MultipartRelated => true,
                        _ => false,
                    };
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
