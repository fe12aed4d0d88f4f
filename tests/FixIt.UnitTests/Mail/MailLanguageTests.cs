using FixIt.Infrastructure.Mail.Composition;

namespace FixIt.UnitTests.Mail;

/// <summary>An email's HTML part says its language, English unless a resident's; the sender reads it back for Content-Language.</summary>
public sealed class MailLanguageTests
{
    [Fact]
    public void A_page_is_english_unless_composed_in_a_residents_language()
    {
        var page = MailTemplates.Page("<p>Hello</p>");
        Assert.StartsWith("<!DOCTYPE html><html lang=\"en\"><head>", page, StringComparison.Ordinal);
        Assert.Equal("en", MailTemplates.LanguageOf(page));

        var welsh = ResidentMailText.In("cy", () => new MailContent("Pwnc", "Helo", MailTemplates.Page("<p>Helo</p>")));
        Assert.StartsWith("<!DOCTYPE html><html lang=\"cy\"><head>", welsh.Html, StringComparison.Ordinal);
        Assert.EndsWith("<p>Helo</p></body></html>", welsh.Html, StringComparison.Ordinal);
        Assert.Equal("cy", MailTemplates.LanguageOf(welsh.Html));
    }

    [Theory]
    [InlineData("<html><body>An old row</body></html>")]
    [InlineData("<!DOCTYPE html><html lang=\"cy\r\nBcc: x@example.net\"><head>")]
    [InlineData("<!DOCTYPE html><html lang=\"")]
    [InlineData("")]
    public void Html_not_made_by_page_gives_no_language(string html) => Assert.Null(MailTemplates.LanguageOf(html));
}
