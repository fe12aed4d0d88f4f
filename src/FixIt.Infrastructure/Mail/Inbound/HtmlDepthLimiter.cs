using System.Text;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>
/// One linear pass over HTML before the real parser sees it: tags nested deeper than a limit are dropped (their
/// text is kept). An HTML5 tree builder checks the stack of open elements for each tag, so 400,000 nested
/// &lt;div&gt;s cost it minutes; with the depth bounded, its work is bounded by the input length times the limit.
/// </summary>
internal static class HtmlDepthLimiter
{
    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    /// <summary>Elements whose content is text up to their own end tag.</summary>
    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
    };

    /// <summary>Elements a second one of closes (a new paragraph ends the previous one, and so on).</summary>
    private static readonly HashSet<string> SelfClosingSiblings = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "tr", "td", "th", "option",
    };

    public static string Limit(string html, int maxDepth)
    {
        var output = new StringBuilder(html.Length);
        var open = new List<string>(maxDepth);
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                output.Append(html, i, html.Length - i);
                break;
            }

            output.Append(html, i, lt - i);
            i = ReadMarkup(html, lt, output, open, maxDepth);
        }

        return output.ToString();
    }

    /// <summary>Handles the markup starting at <paramref name="lt"/>; returns where the next text starts.</summary>
    private static int ReadMarkup(string html, int lt, StringBuilder output, List<string> open, int maxDepth)
    {
        var next = lt + 1 < html.Length ? html[lt + 1] : '\0';
        if (next == '!' || next == '?')
        {
            // Comments (Outlook's conditional ones included), doctype, processing instructions: copied as they are.
            var end = html.AsSpan(lt).StartsWith("<!--") ? IndexAfter(html, "-->", lt + 4) : IndexAfter(html, ">", lt + 2);
            output.Append(html, lt, end - lt);
            return end;
        }

        var closing = next == '/';
        var nameStart = closing ? lt + 2 : lt + 1;
        if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
        {
            output.Append('<');
            return lt + 1;
        }

        var nameEnd = nameStart;
        while (nameEnd < html.Length && !char.IsWhiteSpace(html[nameEnd]) && html[nameEnd] is not '>' and not '/')
        {
            nameEnd++;
        }

        var name = html[nameStart..nameEnd].ToLowerInvariant();
        var tagEnd = TagEnd(html, nameEnd);
        if (closing)
        {
            Close(name, html, lt, tagEnd, output, open);
            return tagEnd;
        }

        var selfClosed = tagEnd >= 2 && html[tagEnd - 2] == '/';
        if (SelfClosingSiblings.Contains(name) && open.Count > 0 && SameSibling(open[^1], name))
        {
            output.Append("</").Append(open[^1]).Append('>');
            open.RemoveAt(open.Count - 1);
        }

        if (Void.Contains(name) || selfClosed)
        {
            output.Append(html, lt, tagEnd - lt);
            return tagEnd;
        }

        if (RawText.Contains(name))
        {
            // The content is not markup; it is skipped in one search, and the element counts for no depth.
            var close = html.IndexOf("</" + name, tagEnd, StringComparison.OrdinalIgnoreCase);
            var end = close < 0 ? html.Length : TagEnd(html, close + 2 + name.Length);
            output.Append(html, lt, end - lt);
            return end;
        }

        if (open.Count < maxDepth)
        {
            open.Add(name);
            output.Append(html, lt, tagEnd - lt);
        }

        return tagEnd;
    }

    private static void Close(string name, string html, int lt, int tagEnd, StringBuilder output, List<string> open)
    {
        // An end tag closes the nearest open element of its name, and explicitly every element opened inside it,
        // so the parser never has misnested formatting to reconstruct (its adoption agency is quadratic). One
        // with nothing to close (or whose start tag was dropped for depth) is dropped. Each element is closed once.
        var index = open.LastIndexOf(name);
        if (index < 0)
        {
            return;
        }

        for (var inner = open.Count - 1; inner > index; inner--)
        {
            output.Append("</").Append(open[inner]).Append('>');
        }

        open.RemoveRange(index, open.Count - index);
        output.Append(html, lt, tagEnd - lt);
    }

    private static bool SameSibling(string top, string name) =>
        top == name || name is "td" or "th" && top is "td" or "th" || name is "dt" or "dd" && top is "dt" or "dd";

    /// <summary>The index after the '>' ending a tag, skipping quoted attribute values (which may hold a '>').</summary>
    private static int TagEnd(string html, int from)
    {
        var i = from;
        var afterEquals = false;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '>')
            {
                return i + 1;
            }

            if (afterEquals && c is '"' or '\'')
            {
                var quote = html.IndexOf(c, i + 1);
                i = quote < 0 ? html.Length : quote + 1;
                afterEquals = false;
                continue;
            }

            if (!char.IsWhiteSpace(c))
            {
                afterEquals = c == '=';
            }

            i++;
        }

        return html.Length;
    }

    private static int IndexAfter(string html, string value, int from)
    {
        var index = html.IndexOf(value, Math.Min(from, html.Length), StringComparison.Ordinal);
        return index < 0 ? html.Length : index + value.Length;
    }
}
