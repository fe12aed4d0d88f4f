using FixIt.Domain.Text;

namespace FixIt.UnitTests.Text;

public sealed class PublicTextScrubberTests
{
    [Theory]
    [InlineData("Fixed \u202Edexif ton\u202C today", "Fixed dexif ton today")]
    [InlineData("\u2066Closed\u2069 \u2067x\u2068y\u2069", "Closed xy")]
    [InlineData("\u202A\u202B\u202Dabc", "abc")]
    public void Direction_controls_are_dropped_so_text_reads_as_written(string text, string published)
    {
        Assert.Equal(published, PublicTextScrubber.Scrub(text));
    }

    [Theory]
    [InlineData("\uFEFFStatus: fixed", "Status: fixed")]
    [InlineData("Road\uFEFFworks done\uFEFF", "Roadworks done")]
    public void Byte_order_marks_are_dropped_anywhere(string text, string published)
    {
        Assert.Equal(published, PublicTextScrubber.Scrub(text));
    }

    [Theory]
    [InlineData("שלום, the lamp is fixed")]
    [InlineData("مرحبا\u200F 12")]
    [InlineData("Plain text.")]
    public void Right_to_left_text_and_plain_marks_are_kept(string text)
    {
        Assert.Equal(text, PublicTextScrubber.Scrub(text));
    }
}
