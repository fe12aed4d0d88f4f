using FixIt.Infrastructure.Mail.Inbound;

namespace FixIt.UnitTests.Mail;

/// <summary>
/// Pathological HTML bodies: what reaches the HTML parser never nests deeper than the limit and is never much
/// longer than the input, which is what keeps the parser's work linear; the conversion itself still gives the text.
/// </summary>
public sealed class HtmlToTextLimitsTests
{
    public static TheoryData<string, string> Pathological => new()
    {
        { "nested divs", Repeat("<div>", 400_000) + "end" },
        { "nested tables", Repeat("<table><tr><td>", 130_000) },
        { "unclosed formatting", Repeat("<b>", 400_000) },
        { "misnested formatting", Repeat("<b><i>x</b>y</i>", 100_000) },
        { "unclosed links", Repeat("<a href=\"#\">", 200_000) },
        { "nested lists", Repeat("<ul><li>", 200_000) },
        { "stray end tags", Repeat("</div></p></b>", 150_000) },
        { "huge attribute", "<div title=\"" + new string('a', 2_000_000) + "\">end</div>" },
        { "unterminated attribute", "<div title='" + new string('a', 2_000_000) },
        { "bare angle brackets", new string('<', 2_000_000) },
        { "unclosed comment", "<!--" + Repeat("<div>", 400_000) },
        { "nested blockquotes", Repeat("<blockquote>x", 300_000) },
    };

    [Theory]
    [MemberData(nameof(Pathological))]
    public void What_the_parser_gets_is_bounded_in_depth_and_length(string name, string html)
    {
        var bounded = HtmlDepthLimiter.Limit(html, HtmlToText.MaxDepth);
        Assert.True(MaxDepth(bounded) <= HtmlToText.MaxDepth, $"{name}: nested {MaxDepth(bounded)} deep");
        Assert.True(bounded.Length <= 2 * html.Length, $"{name}: {bounded.Length} chars from {html.Length}");
    }

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Pathological))]
    public async Task A_pathological_body_is_converted_at_all(string name, string html)
    {
        var text = await Task.Run(() => HtmlToText.Convert(html));
        Assert.True(text.Length <= html.Length, name);
    }

    [Fact]
    public void Text_inside_nesting_deeper_than_the_limit_is_kept()
    {
        var html = Repeat("<div>", 500) + "Fixed today." + Repeat("</div>", 500) + "<p>Second line.</p>";
        Assert.Equal("Fixed today.\nSecond line.", InboundMailParser.PublishableText(HtmlToText.Convert(html), "GB"));
    }

    [Fact]
    public void Misnested_formatting_keeps_its_text_in_order()
    {
        Assert.Equal("one two three", HtmlToText.Convert("<p><b>one <i>two</b> three</i></p>").Trim());
    }

    [Fact]
    public void Only_the_first_part_of_an_enormous_body_is_converted()
    {
        var html = "<p>Fixed.</p>" + new string('x', HtmlToText.MaxHtmlChars) + "<p>Never read.</p>";
        var text = HtmlToText.Convert(html);
        Assert.StartsWith("Fixed.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Never read.", text, StringComparison.Ordinal);
    }

    private static string Repeat(string value, int count) => string.Concat(Enumerable.Repeat(value, count));

    /// <summary>Nesting as open minus close tags, ignoring void elements, comments and self-closed tags.</summary>
    private static int MaxDepth(string html)
    {
        string[] voids = ["br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "source", "track", "embed", "param"];
        var depth = 0;
        var max = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            if (html.AsSpan(i).StartsWith("<!--"))
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }

            var close = html[i + 1] == '/';
            var start = close ? i + 2 : i + 1;
            var nameEnd = start;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }

            if (nameEnd > start && !voids.Contains(html[start..nameEnd].ToLowerInvariant()))
            {
                depth += close ? -1 : 1;
                max = Math.Max(max, depth);
            }

            i = nameEnd;
        }

        return max;
    }
}
