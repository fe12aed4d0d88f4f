namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>
/// Cuts quoted history and signatures from the text of a reply, for top-posted, bottom-posted and interleaved replies
/// alike, in any client and in the languages of <see cref="ReplyHeaders"/>:
/// <list type="bullet">
/// <item>"&gt; " lines go wherever they are, with the unmarked tail of a quoted line a client wrapped, a run of "|"
/// lines holding FixIt's mail, and a lone link FixIt sent beside a quoted line;</item>
/// <item>an attribution (<see cref="Attribution"/>, also on the reply's own last line) goes with the quote under it;
/// with no quote under it, the old message follows unquoted and the reply ends;</item>
/// <item>a header block (<see cref="HeaderBlock"/>: a run of "Label: value" lines in any known language), an
/// "original message" separator, a lone "From:" line over a link, a signature delimiter or a phone client's footer
/// ends the reply;</item>
/// <item>lines FixIt itself sent (<see cref="SentMailText"/>) are never kept: quoted, they go; unquoted, a run of them
/// (two of the next three lines with text) ends the reply, with the header or attribution paragraph above it in
/// whatever language it was written; one such line followed by the author's own words is the author's;</item>
/// <item>when the reply is written below the old message (nothing above the header block), the block and FixIt's
/// mail up to its last line FixIt sent are skipped and the text after them kept;</item>
/// <item>a forwarded message the author deliberately included ("---------- Forwarded message ---------") is kept,
/// without its header lines, unless it is FixIt's own mail.</item>
/// </list>
/// </summary>
public static class QuoteStripper
{
    public static string Strip(string text) => Strip(text, SentMailText.None);

    public static string Strip(string text, SentMailText sent)
    {
        var lines = TextLines.Split(text);
        var kept = new List<string>(lines.Count);
        var quoted = QuoteMarks(lines, sent);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var blank = line.Trim().Length == 0;
            if (quoted[i])
            {
                // A quote of FixIt's mail takes the attribution above it along, whatever language that was in.
                if ((i == 0 || !quoted[i - 1]) && sent.Contains(line))
                {
                    DropHeaderParagraph(kept, attributionOnly: true);
                }

                continue;
            }

            if (!blank && IsWrappedQuoteTail(lines, quoted, i, sent))
            {
                continue;
            }

            var attribution = Attribution.Find(lines, i);
            if (attribution.Lines > 0)
            {
                var quoteFollows = NextContentIsQuoted(lines, quoted, i + attribution.Lines);
                if (quoteFollows || attribution.Dated)
                {
                    if (attribution.Prefix.Length > 0)
                    {
                        kept.Add(attribution.Prefix);
                    }

                    if (quoteFollows)
                    {
                        i += attribution.Lines - 1;
                        continue;
                    }

                    break;
                }
            }

            if (!blank && IsOwnBlock(lines, quoted, i, sent))
            {
                DropHeaderParagraph(kept, attributionOnly: false);
                if (HasContent(kept) || LastOwnLine(lines, i, sent) is not { } ownEnd)
                {
                    break;
                }

                i = ownEnd;
                continue;
            }

            switch (Separators.Classify(lines, i, sent))
            {
                case (SeparatorKind.Forward, var header):
                    kept.Add(line);
                    i += header;
                    continue;
                case (SeparatorKind.End, var length) when !HasContent(kept) && LastOwnLine(lines, i + length, sent) is { } ownEnd:
                    // The reply is under the old message (Outlook lets one write there): what follows FixIt's mail is kept.
                    i = ownEnd;
                    continue;
                case (SeparatorKind.End, _):
                    return TextLines.Tidy(kept);
                case (SeparatorKind.Signature, _):
                    return TextLines.Tidy(kept);
            }

            kept.Add(line);
        }

        return TextLines.Tidy(kept);
    }

    internal static bool IsQuoted(string line) => line.TrimStart().StartsWith('>');

    private static bool HasContent(List<string> kept) => kept.Any(l => l.Trim().Length > 0);

    private static bool NextContentIsQuoted(List<string> lines, bool[] quoted, int from)
    {
        for (var j = from; j < lines.Count; j++)
        {
            if (lines[j].Trim().Length > 0)
            {
                return quoted[j];
            }
        }

        return false;
    }

    /// <summary>
    /// Which lines are quote: "&gt;" lines; a run of two or more "|" lines (some clients' quote marker) with a line
    /// FixIt sent in it, so a table the author drew with pipes stays; and a line that is only a link FixIt sent, right
    /// above or under a quoted line (a client rewrapped "Fixed: &lt;link&gt;" and the link lost its marker).
    /// </summary>
    private static bool[] QuoteMarks(List<string> lines, SentMailText sent)
    {
        var quoted = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            quoted[i] = IsQuoted(lines[i]);
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (!IsPiped(lines[i]))
            {
                continue;
            }

            var end = i;
            var own = false;
            while (end < lines.Count && IsPiped(lines[end]))
            {
                own |= sent.Contains(lines[end].TrimStart().TrimStart('|'));
                end++;
            }

            for (var j = i; j < end && own && end - i >= 2; j++)
            {
                quoted[j] = true;
            }

            i = end - 1;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var nextToQuote = i > 0 && IsQuoted(lines[i - 1]) || i + 1 < lines.Count && IsQuoted(lines[i + 1]);
            if (!quoted[i] && nextToQuote && sent.IsOwnLink(lines[i]))
            {
                quoted[i] = true;
            }
        }

        return quoted;
    }

    private static bool IsPiped(string line) => line.TrimStart().StartsWith('|');

    /// <summary>
    /// A client rewrapped a long quoted line and the tail lost its marker: a short unmarked line right under a long
    /// quoted one that stops mid-sentence, followed by more quote or nothing (or a piece of what FixIt sent).
    /// </summary>
    private static bool IsWrappedQuoteTail(List<string> lines, bool[] quoted, int i, SentMailText sent)
    {
        if (i == 0 || !quoted[i - 1])
        {
            return false;
        }

        var next = i + 1 < lines.Count ? lines[i + 1] : "";
        if (next.Trim().Length > 0 && !quoted[i + 1])
        {
            return false;
        }

        var above = lines[i - 1].TrimStart().TrimStart('>', ' ').TrimEnd();
        var line = lines[i].Trim();
        var midSentence = above.Length > 0 && !(above[^1] is '.' or '!' or '?' or ':' or ';' or '。');
        return midSentence && (sent.ContainsPiece(line) || above.Length >= 45 && line.Length <= 40);
    }

    /// <summary>The last line FixIt sent, in the old message starting at <paramref name="from"/>; null when none is there.</summary>
    private static int? LastOwnLine(List<string> lines, int from, SentMailText sent)
    {
        int? last = null;
        for (var j = from; j < lines.Count && !sent.IsEmpty; j++)
        {
            if (sent.Contains(lines[j]))
            {
                last = j;
            }
        }

        return last;
    }

    /// <summary>
    /// Two of the next three lines with text are FixIt's own and unquoted: the old message, pasted without quote
    /// marks. A single line of FixIt's (a report's description the author repeats) followed by the author's own text
    /// or by a quote is not a block: the quote is cut by its marks and the author's line is kept.
    /// </summary>
    private static bool IsOwnBlock(List<string> lines, bool[] quoted, int i, SentMailText sent)
    {
        if (sent.IsEmpty || !sent.Contains(lines[i]))
        {
            return false;
        }

        var own = 0;
        var seen = 0;
        for (var j = i; j < lines.Count && seen < 3; j++)
        {
            if (lines[j].Trim().Length == 0)
            {
                continue;
            }

            seen++;
            if (!quoted[j] && sent.Contains(lines[j]))
            {
                own++;
            }
        }

        return own >= 2;
    }

    /// <summary>
    /// Removes the paragraph last kept when it is the heading of FixIt's quoted mail: an attribution (ending in a
    /// colon) or, unless <paramref name="attributionOnly"/>, a header block in a language not listed.
    /// </summary>
    private static void DropHeaderParagraph(List<string> kept, bool attributionOnly)
    {
        var end = kept.Count;
        while (end > 0 && kept[end - 1].Trim().Length == 0)
        {
            end--;
        }

        var start = end;
        while (start > 0 && kept[start - 1].Trim().Length > 0 && end - start < 8)
        {
            start--;
        }

        if (start == end || start > 0 && kept[start - 1].Trim().Length > 0)
        {
            return;
        }

        var paragraph = kept.GetRange(start, end - start).Select(l => l.Trim()).ToList();
        var attribution = paragraph.Count <= 3 && paragraph[^1] is [.., ':' or '：'] && string.Concat(paragraph).Any(char.IsDigit);
        var header = !attributionOnly && paragraph.Count >= 2 && paragraph.All(HeaderBlock.LooksLikeField);
        if (attribution || header)
        {
            kept.RemoveRange(start, kept.Count - start);
        }
    }
}
