using System.Text.RegularExpressions;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>Where an attribution ("On … wrote:") starts at a line, how many lines it spans, and what reply text precedes it.</summary>
/// <param name="Lines">Lines the attribution spans (clients wrap long ones); 0: none here.</param>
/// <param name="Prefix">Reply text written on the same line before it ("Thanks, done. On Tue … wrote:"); empty if none.</param>
/// <param name="Dated">Whether it carries a date or an address; one without is only taken when a quote follows.</param>
internal readonly record struct AttributionMatch(int Lines, string Prefix, bool Dated);

/// <summary>
/// Recognises attribution lines by their shape rather than by English words: within at most three lines and
/// <see cref="MaxLength"/> characters, text that ends in a known verb and a colon ("… schrieb FixIt:", "… a écrit :",
/// "…写道：") or in an address and a colon (Gmail's verbless "2026年3月3日(火) 10:15 FixIt &lt;x@y&gt;:"), with a digit
/// (the date) in it; also the dashed form with no colon ("-----On … wrote-----") and Gmail's old
/// "2026/3/3 FixIt &lt;x@y&gt;" with no verb at all. Words are in <see cref="ReplyHeaders"/>.
/// </summary>
internal static partial class Attribution
{
    public const int MaxLength = 500;

    public static AttributionMatch Find(List<string> lines, int i)
    {
        var first = lines[i].Trim();
        if (first.Length == 0 || first.Length > MaxLength || first.StartsWith('>'))
        {
            return default;
        }

        if (IsDashed(first) || GmailOld().IsMatch(first))
        {
            return new AttributionMatch(1, "", true);
        }

        var joined = first;
        for (var n = 1; n <= 3 && i + n - 1 < lines.Count; n++)
        {
            if (n > 1)
            {
                var next = lines[i + n - 1].Trim();
                if (next.Length == 0 || next.StartsWith('>'))
                {
                    return default;
                }

                joined += " " + next;
            }

            if (joined.Length > MaxLength)
            {
                return default;
            }

            if (EndsLikeAttribution(joined, out var dated))
            {
                var start = StartWithin(joined);
                // An attribution that only starts on a later line leaves this line to the reply.
                return start >= first.Length ? default : new AttributionMatch(n, first[..start].TrimEnd(), dated);
            }
        }

        return default;
    }

    /// <summary>Ends in verb-and-colon or address-and-colon; dated when it has a digit.</summary>
    private static bool EndsLikeAttribution(string text, out bool dated)
    {
        dated = text.Any(char.IsDigit);
        var end = text.TrimEnd();
        if (!(end.EndsWith(':') || end.EndsWith('：')))
        {
            return false;
        }

        var head = end[..^1].TrimEnd();
        if (EndsWithVerb(head) || head.Contains(" ezt írta ", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // Gmail in Russian, Japanese and others writes no verb: "…, FixIt <x@y>:".
        return dated && (head.EndsWith('>') || head.EndsWith(">)", StringComparison.Ordinal)) && head.LastIndexOf('<') is var lt && lt >= 0
            && head.AsSpan(lt).Contains('@');
    }

    private static bool EndsWithVerb(string head) =>
        ReplyHeaders.Verbs.Any(v => head.EndsWith(v, StringComparison.OrdinalIgnoreCase));

    /// <summary>"------On … wrote-----", "-----Am … schrieb FixIt-----": dashes round a dated attribution with no colon.</summary>
    public static bool IsDashed(string line)
    {
        if (!line.StartsWith("--", StringComparison.Ordinal) || !line.EndsWith("--", StringComparison.Ordinal))
        {
            return false;
        }

        var inner = line.Trim('-', ' ').TrimEnd(':', '：').TrimEnd();
        // Between dashes the verb may stand before the name ("schrieb FixIt").
        return inner.Length > 0 && inner.Any(char.IsDigit) && ReplyHeaders.Verbs.Any(v => inner.Contains(v, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Where in the text the attribution starts: 0 for the whole text, else after the sentence it follows.</summary>
    private static int StartWithin(string text)
    {
        if (StartsAttribution(text))
        {
            return 0;
        }

        var boundaries = new List<int>();
        for (var k = 0; k < text.Length - 1; k++)
        {
            if (text[k] is '.' or '!' or '?' or '…' && char.IsWhiteSpace(text[k + 1]) || text[k] is '。' or '！' or '？')
            {
                boundaries.Add(k + 1);
            }
        }

        // The earliest sentence after which an attribution opening stands; failing that, the last after which
        // the rest is still an attribution ("Done. FixIt <x@y> 于2026年3月3日 写道：").
        foreach (var b in boundaries)
        {
            var rest = text[b..].TrimStart();
            if (StartsAttribution(rest) && EndsLikeAttribution(rest, out var dated) && dated)
            {
                return b;
            }
        }

        for (var k = boundaries.Count - 1; k >= 0; k--)
        {
            var rest = text[boundaries[k]..].TrimStart();
            if (EndsLikeAttribution(rest, out var dated) && dated && rest.Contains('@', StringComparison.Ordinal) && EndsSentence(text[..boundaries[k]]))
            {
                return boundaries[k];
            }
        }

        return 0;
    }

    /// <summary>The text before a boundary ends a sentence rather than an abbreviation of a date ("kl.", "mrt.", "Di."): its last word has four letters or more.</summary>
    private static bool EndsSentence(string before)
    {
        var trimmed = before.TrimEnd('.', '!', '?', '…', '。', '！', '？', ' ');
        var space = trimmed.LastIndexOf(' ');
        var word = space < 0 ? trimmed : trimmed[(space + 1)..];
        return word.Count(char.IsLetter) >= 4 || word.Any(c => c > '\u2E80');
    }

    private static bool StartsAttribution(string text) =>
        ReplyHeaders.AttributionOpenings.Any(o => text.StartsWith(o, StringComparison.Ordinal)) || DatedOpening().IsMatch(text);

    // "wt., 3 mar", "ti 3.3.2026", "вт, 3 мар.", "út 3. 3.", "2026年3月3日", "3 mars 2026": a weekday or a date first.
    [GeneratedRegex(@"^(\p{L}{1,4}\.?,?\s\d|\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DatedOpening();

    [GeneratedRegex(@"^\d{4}/\d{1,2}/\d{1,2}\s[^<>]{1,200}<[^<>\s]{1,254}@[^<>\s]{1,254}>$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex GmailOld();
}
