using AngleSharp.Dom;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>
/// Takes the mail client's own quote containers out of an HTML reply before it becomes text, by their markup rather
/// than their words: Gmail's <c>blockquote.gmail_quote</c> and its <c>gmail_attr</c> attribution, Apple Mail's and
/// Thunderbird's <c>blockquote type="cite"</c> with Thunderbird's <c>moz-cite-prefix</c>, Proton's
/// <c>protonmail_quote</c>, Yahoo's <c>yahoo_quoted</c>, a blockquote with a left border (how webmail clients draw a
/// quote). Each becomes one quote line ("&gt;") so an attribution left above it is still seen as one, and interleaved
/// answers between quotes stay. Outlook's header block (<c>divRplyFwdMsg</c>, the <c>appendonsend</c> marker, or the
/// div with a top border that holds "From:" in any language) and everything after it is cut, unless nothing was
/// written above it (then the text stage finds the reply under the old message). Other markup, including a
/// <c>&lt;blockquote&gt;</c> the author wrote, is left as it is.
/// </summary>
internal static class HtmlQuotes
{
    public const string Placeholder = "fixit-client-quote";

    private const string QuoteSelector = "blockquote[type=cite], blockquote.gmail_quote, blockquote.protonmail_quote, div.protonmail_quote, "
        + "div.yahoo_quoted, div[id^=yahoo_quoted], blockquote[cite^='mid:']";

    public static void Remove(IDocument document)
    {
        if (document.Body is not { } body)
        {
            return;
        }

        CutOutlookHistory(body);

        foreach (var attribution in body.QuerySelectorAll("div.moz-cite-prefix, div.gmail_attr").ToList())
        {
            if (attribution.NextElementSibling is { } next && IsClientQuote(next))
            {
                attribution.Remove();
            }
        }

        foreach (var quote in body.QuerySelectorAll("blockquote, div").Where(IsClientQuote).ToList())
        {
            if (quote.Parent is not null && body.Contains(quote))
            {
                quote.Replace(document.CreateElement(Placeholder));
            }
        }
    }

    private static bool IsClientQuote(IElement element) =>
        element.Matches(QuoteSelector)
        || element.LocalName == "blockquote" && Style(element).Contains("border-left:", StringComparison.Ordinal)
            && !Style(element).Contains("border-left:none", StringComparison.Ordinal);

    private static string Style(IElement element) =>
        (element.GetAttribute("style") ?? "").Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

    private static void CutOutlookHistory(IElement body)
    {
        var start = body.QuerySelector("#appendonsend, #divRplyFwdMsg, div[id^=divRplyFwdMsg]")
            ?? body.QuerySelectorAll("div").FirstOrDefault(IsOutlookHeaderDiv);
        if (start is null || !HasTextBefore(body, start))
        {
            return;
        }

        // Everything from the start on, in document order: it, its later siblings, and its ancestors' later siblings.
        var doomed = new List<INode>();
        for (INode? node = start; node is not null && node != body; node = node.Parent)
        {
            if (node == start)
            {
                doomed.Add(node);
            }

            for (var sibling = node.NextSibling; sibling is not null; sibling = sibling.NextSibling)
            {
                doomed.Add(sibling);
            }
        }

        foreach (var node in doomed)
        {
            node.Parent?.RemoveChild(node);
        }
    }

    private static bool IsOutlookHeaderDiv(IElement div)
    {
        var style = Style(div);
        if (!style.Contains("border-top:solid", StringComparison.Ordinal) && !style.Contains("border-top:1ptsolid", StringComparison.Ordinal))
        {
            return false;
        }

        var text = div.TextContent.TrimStart().Replace('\u00a0', ' ');
        return HeaderBlock.TryParse(text.Length > 60 ? text[..60] : text, out var label, out _) && ReplyHeaders.FromLabels.Contains(label);
    }

    private static bool HasTextBefore(IElement body, IElement start)
    {
        for (INode? node = start; node is not null && node != body; node = node.Parent)
        {
            for (var sibling = node.PreviousSibling; sibling is not null; sibling = sibling.PreviousSibling)
            {
                if (sibling is IElement { LocalName: "style" or "script" or "head" })
                {
                    continue;
                }

                if (sibling.TextContent.Any(c => !char.IsWhiteSpace(c) && c != '\u200b'))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
