using System.Text.RegularExpressions;

namespace FixIt.Infrastructure.Mail.Inbound;

internal enum SeparatorKind
{
    None,

    /// <summary>The old message starts here: the reply ends (or, with nothing above, is below it).</summary>
    End,

    /// <summary>A message the author chose to forward starts here: kept, without its header lines.</summary>
    Forward,

    /// <summary>A signature or a phone client's footer: the reply ends.</summary>
    Signature,
}

/// <summary>
/// Lines that divide a reply from what follows it: "-----Original Message-----" and its translations, Outlook's
/// rule of underscores, header blocks (<see cref="HeaderBlock"/>), forward separators, the signature delimiter and
/// phone clients' footers. <see cref="Classify"/> returns the kind and the number of lines that belong to it.
/// </summary>
internal static partial class Separators
{
    public static (SeparatorKind Kind, int Lines) Classify(List<string> lines, int i, SentMailText sent)
    {
        var line = lines[i].Trim();
        if (line.Length == 0 || line.Length > 200)
        {
            return (SeparatorKind.None, 0);
        }

        if (line == "--" || IsFooter(line))
        {
            return (SeparatorKind.Signature, 1);
        }

        var lower = line.ToLowerInvariant();
        var ruled = line.Length >= 4 && (line.StartsWith("--", StringComparison.Ordinal) || line.StartsWith("__", StringComparison.Ordinal)
            || line.StartsWith("==", StringComparison.Ordinal));
        var inner = lower.Trim('-', '_', '=', ' ', '*').TrimEnd(':', '：').Trim();
        if (ruled && inner.Length == 0 && line.Length >= 10)
        {
            return (SeparatorKind.End, 1);
        }

        var forward = ReplyHeaders.Forwarded.Any(f => inner.StartsWith(f, StringComparison.Ordinal) || ruled && inner.Contains(f, StringComparison.Ordinal));
        if (forward && (ruled || line.EndsWith(':') || line.EndsWith('：')))
        {
            return ForwardOrEnd(lines, i, sent);
        }

        if (ruled && ReplyHeaders.OriginalMessage.Any(o => inner.Contains(o, StringComparison.Ordinal)))
        {
            return (SeparatorKind.End, 1);
        }

        var header = HeaderBlock.Length(lines, i);
        return header > 0 ? (SeparatorKind.End, header) : (SeparatorKind.None, 0);
    }

    /// <summary>A forward is kept unless what it forwards is FixIt's own mail (its first lines are lines FixIt sent).</summary>
    private static (SeparatorKind, int) ForwardOrEnd(List<string> lines, int i, SentMailText sent)
    {
        var j = i + 1;
        while (j < lines.Count && (lines[j].Trim().Length == 0 || HeaderBlock.IsLabelLine(lines[j])))
        {
            j++;
        }

        var body = lines.Skip(j).Where(l => l.Trim().Length > 0).Take(3);
        return body.Any(sent.Contains) ? (SeparatorKind.End, 1) : (SeparatorKind.Forward, j - i - 1);
    }

    private static bool IsFooter(string line)
    {
        if (IsOutlookMobileFooter(line))
        {
            return true;
        }

        if (line.Length > 100)
        {
            return false;
        }

        var lower = line.ToLowerInvariant();
        return ReplyHeaders.FooterOpenings.Any(f => lower.StartsWith(f, StringComparison.Ordinal))
            || ReplyHeaders.FooterEndings.Any(f => lower.TrimEnd('.', '。').EndsWith(f, StringComparison.Ordinal))
            && ReplyHeaders.FooterDevices.Any(d => lower.Contains(d, StringComparison.Ordinal)) && lower.Split(' ').Length <= 5;
    }

    /// <summary>
    /// Outlook's mobile footer in any language, by its shape: at most eight words once links ("&lt;https://aka.ms/…&gt;",
    /// "‹…›", a bare URL, also inside the line) are taken out, no sentence punctuation, the word Outlook, iOS or Android,
    /// and a link or a download verb (<see cref="ReplyHeaders.OutlookFooterVerbs"/>) as its first or last word, so
    /// "I cannot get Outlook on Android" stays a sentence of the reply.
    /// </summary>
    internal static bool IsOutlookMobileFooter(string line)
    {
        var lower = line.ToLowerInvariant();
        if (!lower.Contains("outlook", StringComparison.Ordinal))
        {
            return false;
        }

        var linked = false;
        var words = new List<string>();
        foreach (var token in LinkPattern().Replace(lower, m => { linked = true; return " "; })
                     .Split([' ', '\t', '\u00A0', '\'', '’'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.IndexOfAny(['.', ',', '!', '?', ';', ':', '(', ')']) >= 0)
            {
                return false;
            }

            words.Add(token);
        }

        return words.Count <= 8
            && words.Any(w => w.StartsWith("outlook", StringComparison.Ordinal))
            && words.Any(w => w.StartsWith("ios", StringComparison.Ordinal) || w.StartsWith("android", StringComparison.Ordinal))
            && (linked || IsOutlookFooterVerb(words[0]) || IsOutlookFooterVerb(words[^1]));
    }

    private static bool IsOutlookFooterVerb(string word) =>
        ReplyHeaders.OutlookFooterVerbs.Any(v => word == v || !IsLatin(v) && word.Contains(v, StringComparison.Ordinal));

    private static bool IsLatin(string word) => word.All(c => c < 0x0250);

    [GeneratedRegex(@"<[^<>\s]*>|‹[^‹›\s]*›|\b(?:https?|mailto):\S+", RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();
}
