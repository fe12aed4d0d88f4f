using System.Text;
using FixIt.Infrastructure.Mail.Inbound;

namespace FixIt.UnitTests.Mail;

/// <summary>A multipart/mixed reply with text, then an inline image, then more text (Apple Mail's shape) is published whole.</summary>
public sealed class MixedBodyPartsTests
{
    private static readonly InboundMailOptions Options = new() { ReplyDomain = "reply.fixit.example" };

    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    [Fact]
    public void Plain_parts_around_an_inline_image_are_joined_in_order_before_the_quote_is_stripped()
    {
        var text = ParseText(Mixed(
            Part("text/plain; charset=utf-8", "First part: here is the photo of the repair:"),
            Image(),
            Part("text/plain; charset=utf-8", "Second part: the surface is level now.\r\n\r\nOn Mon, 30 Nov 2026, FixIt wrote:\r\n> Report #1: Deep pothole")));
        Assert.Equal("First part: here is the photo of the repair:\nSecond part: the surface is level now.", text);
    }

    [Fact]
    public void Html_parts_around_an_inline_image_are_joined_in_order()
    {
        var text = ParseText(Mixed(
            Part("text/html; charset=utf-8", "<p>First part.</p>"),
            Image(),
            Part("text/html; charset=utf-8", "<p>Second part.</p>")));
        // Each HTML part is a block of its own, so a blank line parts them.
        Assert.Equal("First part.\n\nSecond part.", text);
    }

    [Theory]
    [InlineData("Content-Disposition: attachment\r\n")]
    [InlineData("Content-Disposition: inline; filename=notes.txt\r\n")]
    [InlineData("")]
    public void A_text_attachment_after_the_body_is_not_joined(string disposition)
    {
        var type = disposition.Length == 0 ? "text/plain; charset=utf-8; name=notes.txt" : "text/plain; charset=utf-8";
        var text = ParseText(Mixed(
            Part("text/plain; charset=utf-8", "The body."),
            Image(),
            $"Content-Type: {type}\r\n{disposition}Content-Transfer-Encoding: 8bit\r\n\r\nAttached notes, not the body.\r\n"));
        Assert.Equal("The body.", text);
    }

    private static string ParseText(string raw) => InboundMailParser.Parse(Encoding.UTF8.GetBytes(raw), null, toBounceAddress: false, Options).Mail.Text;

    private static string Part(string contentType, string body) =>
        $"Content-Type: {contentType}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n";

    private static string Image() =>
        $"Content-Type: image/png; name=repair.png\r\nContent-Disposition: inline; filename=repair.png\r\nContent-Transfer-Encoding: base64\r\n\r\n{Png}\r\n";

    private static string Mixed(params string[] parts) =>
        "From: roads@council.example\r\nTo: reply+abcdefgh2345@reply.fixit.example\r\nSubject: Re: Report\r\n" +
        "Message-ID: <mixed@council.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"mix\"\r\n\r\n" +
        string.Concat(parts.Select(p => $"--mix\r\n{p}")) + "--mix--\r\n";
}
