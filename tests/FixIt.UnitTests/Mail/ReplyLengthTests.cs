using FixIt.Domain.Text;
using FixIt.Infrastructure.Mail.Inbound;

namespace FixIt.UnitTests.Mail;

/// <summary>How an over-long reply is cut: near a word if one is close to the limit, else at the limit; never past the column.</summary>
public sealed class ReplyLengthTests
{
    [Fact]
    public void A_long_reply_without_spaces_is_cut_at_the_limit_not_back_to_an_early_space()
    {
        var text = InboundMailParser.PublishableText("JALONG " + string.Concat(Enumerable.Repeat("道路の穴を修理しました", 850)), "GB");

        Assert.EndsWith(" …", text, StringComparison.Ordinal);
        Assert.StartsWith("JALONG 道路の穴", text, StringComparison.Ordinal);
        Assert.Equal(InboundMailParser.MaxTextLength + 2, TextElements.Count(text));
    }

    [Fact]
    public void A_long_emoji_reply_is_cut_between_whole_emoji()
    {
        const string Family = "👨‍👩‍👧‍👦";
        var text = InboundMailParser.PublishableText("Done " + string.Concat(Enumerable.Repeat(Family, 9000)), "GB");

        Assert.Equal(InboundMailParser.MaxTextLength + 2, TextElements.Count(text));
        Assert.EndsWith(Family + " …", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_reply_in_words_is_still_cut_at_a_word()
    {
        var text = InboundMailParser.PublishableText(string.Concat(Enumerable.Repeat("pothole ", 1100)), "GB");

        Assert.EndsWith("pothole …", text, StringComparison.Ordinal);
        Assert.True(TextElements.Count(text) <= InboundMailParser.MaxTextLength + 2);
        Assert.True(TextElements.Count(text) > InboundMailParser.MaxTextLength * 0.85);
    }

    [Fact]
    public void One_character_longer_than_the_column_keeps_its_base_and_fits_the_column()
    {
        var body = "e" + new string('\u0301', 200_000);

        var text = InboundMailParser.PublishableText(body, "GB");

        Assert.StartsWith("e\u0301", text, StringComparison.Ordinal);
        Assert.EndsWith(" …", text, StringComparison.Ordinal);
        Assert.True(PublicTextScrubber.Scrub(text).Length <= TextLimits.EventText.StorageLength);
    }

    [Fact]
    public void Heavy_characters_are_cut_on_a_character_boundary_below_the_column()
    {
        var heavy = "a" + new string('\u0300', 40);
        var body = string.Concat(Enumerable.Repeat(heavy, 5000));

        var text = InboundMailParser.PublishableText(body, "GB");

        Assert.True(PublicTextScrubber.Scrub(text).Length <= TextLimits.EventText.StorageLength);
        Assert.EndsWith(heavy + " …", text, StringComparison.Ordinal);
    }
}
