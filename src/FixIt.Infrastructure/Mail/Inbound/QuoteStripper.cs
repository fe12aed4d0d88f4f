using System.Text.RegularExpressions;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>
/// Cuts quoted history and signatures from the text of a reply, for top-posted, bottom-posted and
/// interleaved replies alike: "> " lines go wherever they are; an attribution line ("On … wrote:")
/// goes with the quote under it; a header after which the old message follows unquoted (Outlook's
/// From:/Sent: block in any of several languages — Von:/Gesendet:, Fra:/Sendt:, De :/Envoyé : —,
/// "-----Original Message-----", a rule of underscores) ends the reply; so do a
/// signature delimiter and phone-client footers ("Sent from my iPhone").
/// </summary>
public static partial class QuoteStripper
{
    public static string Strip(string text)
    {
        var lines = TextLines.Split(text);
        var kept = new List<string>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (IsQuoted(line))
            {
                continue;
            }

            var attribution = AttributionLength(lines, i);
            if (attribution > 0)
            {
                // With the quote under it, drop the attribution and go on (bottom-posted or interleaved);
                // with no quote under it, the rest is the old message pasted unquoted.
                if (NextContentIsQuoted(lines, i + attribution))
                {
                    i += attribution - 1;
                    continue;
                }

                break;
            }

            if (EndsReply(lines, i))
            {
                break;
            }

            kept.Add(line);
        }

        return TextLines.Tidy(kept);
    }

    private static bool IsQuoted(string line) => line.TrimStart().StartsWith('>');

    private static bool NextContentIsQuoted(List<string> lines, int from)
    {
        for (var j = from; j < lines.Count; j++)
        {
            if (lines[j].Trim().Length > 0)
            {
                return IsQuoted(lines[j]);
            }
        }

        return false;
    }

    /// <summary>How many lines (one to three: clients wrap long ones) make up an attribution starting here; 0 if none.</summary>
    private static int AttributionLength(List<string> lines, int i)
    {
        var first = lines[i].Trim();
        if (!AttributionStart().IsMatch(first))
        {
            return 0;
        }

        var joined = first;
        for (var n = 1; n <= 3 && i + n - 1 < lines.Count; n++)
        {
            if (n > 1)
            {
                joined += " " + lines[i + n - 1].Trim();
            }

            if (AttributionEnd().IsMatch(joined))
            {
                return n;
            }
        }

        return 0;
    }

    private static bool EndsReply(List<string> lines, int i)
    {
        var line = lines[i].Trim();
        if (OriginalMessage().IsMatch(line) || SignatureOrFooter().IsMatch(line) || lines[i] is "-- " or "--")
        {
            return true;
        }

        // Outlook (desktop and web) puts the old message under a header block: From:, then Sent:/Date:, To:, Subject:.
        if (HeaderField().Match(line) is { Success: true } from && FromField().IsMatch(from.Groups["name"].Value)
            || line.StartsWith("*From:*", StringComparison.OrdinalIgnoreCase))
        {
            var fields = 0;
            for (var j = i + 1; j < Math.Min(lines.Count, i + 6); j++)
            {
                if (HeaderField().IsMatch(lines[j].Trim().Trim('*')) || StarredHeaderField().IsMatch(lines[j].Trim()))
                {
                    fields++;
                }
            }

            return fields >= 2;
        }

        return false;
    }

    [GeneratedRegex(@"^(On\s|Le\s|Am\s|El\s|Il\s|Op\s|Em\s|Den\s|W dniu\s).{0,300}$", RegexOptions.IgnoreCase)]
    private static partial Regex AttributionStart();

    [GeneratedRegex(@"(wrote|a écrit|schrieb|escribió|ha scritto|schreef|escreveu|skrev|napisał)\s*:\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AttributionEnd();

    [GeneratedRegex(@"^(-{2,}\s*(Original Message|Original message|Ursprüngliche Nachricht|Message d'origine|Forwarded message)\s*-{2,}|_{10,}|-{10,}|Begin forwarded message:)$", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^(Sent from my .{1,60}|Sent from (Mail|Outlook|Yahoo Mail|Samsung|Gmail).{0,60}|Get Outlook for (iOS|Android).{0,80}|Sent with Proton Mail.{0,40}|Envoyé de mon .{1,40}|Von meinem .{1,40} gesendet\.?)$", RegexOptions.IgnoreCase)]
    private static partial Regex SignatureOrFooter();

    // Outlook writes the header block in the reader's language: English, French, German, Danish/Norwegian, Swedish,
    // Spanish/Portuguese, Italian, Dutch, Polish.
    [GeneratedRegex(@"^(?<name>From|Sent|Date|To|Cc|Subject|De|Envoyé|À|Objet|Von|Gesendet|An|Betreff|Fra|Sendt|Til|Emne|Från|Skickat|Till|Ämne"
        + @"|Enviado|Enviada|Para|Asunto|Assunto|Fecha|Data|Da|Inviato|A|Oggetto|Van|Verzonden|Aan|Onderwerp|Od|Wysłano|Do|Temat)\s*:\s*\S", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderField();

    [GeneratedRegex("^(From|De|Von|Fra|Från|Da|Van|Od)$", RegexOptions.IgnoreCase)]
    private static partial Regex FromField();

    [GeneratedRegex(@"^\*(Sent|Date|To|Cc|Subject):\*", RegexOptions.IgnoreCase)]
    private static partial Regex StarredHeaderField();
}
