using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>
/// Turns an HTML mail body into plain text with a real HTML parser. Quoted blocks become "> " lines and
/// horizontal rules become Outlook's underscore separator, so the quote stripper treats HTML and plain
/// replies the same way.
/// </summary>
public static class HtmlToText
{
    /// <summary>HTML beyond this is not converted: a reply is read from its top, and published text is cut far sooner.</summary>
    public const int MaxHtmlChars = 1_000_000;

    /// <summary>Elements nested deeper are dropped (their text kept), which keeps the parser's work linear in the input.</summary>
    public const int MaxDepth = 100;

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "head", "script", "style", "title", "template", "noscript", "svg", "object", "iframe",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "table", "tr", "ul", "ol", "li", "h1", "h2", "h3",
        "h4", "h5", "h6", "pre", "address", "dl", "dt", "dd", "center", "form", "fieldset", "main", "aside", "nav",
    };

    public static string Convert(string html) => Convert(html, reply: false);

    /// <summary>
    /// An HTML reply as text: the client's quote containers taken out first (<see cref="HtmlQuotes"/>), each left
    /// as one "&gt;" line; a blockquote the author wrote is kept as plain lines.
    /// </summary>
    public static string ConvertReply(string html) => Convert(html, reply: true);

    private static string Convert(string html, bool reply)
    {
        var bounded = HtmlDepthLimiter.Limit(html.Length <= MaxHtmlChars ? html : html[..MaxHtmlChars], MaxDepth);
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(bounded);
        if (reply)
        {
            HtmlQuotes.Remove(document);
        }

        var writer = new TextWriterState { PlainBlockquotes = reply };
        if (document.Body is { } body)
        {
            Walk(body, writer, 0);
        }

        return writer.ToString();
    }

    private static void Walk(INode node, TextWriterState writer, int depth)
    {
        // Deeply nested garbage must not blow the stack: beyond this, only text is kept.
        if (depth > 200)
        {
            writer.Append(node.TextContent);
            return;
        }

        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    writer.Append(text.Data);
                    break;
                case IElement element:
                    WalkElement(element, writer, depth);
                    break;
            }
        }
    }

    private static void WalkElement(IElement element, TextWriterState writer, int depth)
    {
        var name = element.LocalName;
        if (Skipped.Contains(name) || element.GetAttribute("style")?.Replace(" ", "", StringComparison.Ordinal)
                .Contains("display:none", StringComparison.OrdinalIgnoreCase) == true)
        {
            return;
        }

        switch (name)
        {
            case "br":
                writer.LineBreak();
                return;
            case "hr":
                writer.BlockBreak();
                writer.Append("________________________________");
                writer.BlockBreak();
                return;
            case "img":
                return;
            case HtmlQuotes.Placeholder:
                writer.BlockBreak();
                writer.QuoteDepth++;
                writer.LineBreak();
                writer.QuoteDepth--;
                return;
            case "blockquote":
                var depthStep = writer.PlainBlockquotes ? 0 : 1;
                writer.BlockBreak();
                writer.QuoteDepth += depthStep;
                Walk(element, writer, depth + 1);
                writer.BlockBreak();
                writer.QuoteDepth -= depthStep;
                return;
            case "li":
                writer.BlockBreak();
                writer.Append("- ");
                Walk(element, writer, depth + 1);
                writer.BlockBreak();
                return;
            case "td" or "th":
                writer.Append(" ");
                Walk(element, writer, depth + 1);
                writer.Append(" ");
                return;
        }

        var block = Blocks.Contains(name);
        if (block)
        {
            writer.BlockBreak();
        }

        Walk(element, writer, depth + 1);
        if (block)
        {
            writer.BlockBreak();
        }

        // A paragraph is followed by a blank line, except Outlook's zero-margin "MsoNormal" lines.
        if (name == "p" && !element.ClassList.Contains("MsoNormal"))
        {
            writer.LineBreak();
        }
    }

    /// <summary>Collapses HTML whitespace, writes quote prefixes at each line start.</summary>
    private sealed class TextWriterState
    {
        private readonly StringBuilder _text = new();
        private bool _atLineStart = true;
        private bool _pendingSpace;

        public int QuoteDepth { get; set; }

        /// <summary>Blockquotes are the author's own (client quotes were taken out): written as plain lines.</summary>
        public bool PlainBlockquotes { get; init; }

        public void Append(string value)
        {
            foreach (var c in value)
            {
                // A non-breaking space is content (Outlook's empty paragraph is one), other whitespace collapses.
                if (c == '\u00a0')
                {
                    StartLine();
                    _text.Append(' ');
                    _pendingSpace = false;
                    continue;
                }

                if (char.IsWhiteSpace(c) || c == '\u200b')
                {
                    _pendingSpace = !_atLineStart;
                    continue;
                }

                if (!StartLine() && _pendingSpace)
                {
                    _text.Append(' ');
                }

                _pendingSpace = false;
                _text.Append(c);
            }
        }

        private bool StartLine()
        {
            if (!_atLineStart)
            {
                return false;
            }

            _text.Append('>', QuoteDepth);
            if (QuoteDepth > 0)
            {
                _text.Append(' ');
            }

            _atLineStart = false;
            return true;
        }

        public void LineBreak()
        {
            if (_atLineStart && QuoteDepth > 0)
            {
                _text.Append('>', QuoteDepth);
            }

            _text.Append('\n');
            _atLineStart = true;
            _pendingSpace = false;
        }

        public void BlockBreak()
        {
            if (!_atLineStart)
            {
                LineBreak();
            }
        }

        public override string ToString() => _text.ToString();
    }
}
