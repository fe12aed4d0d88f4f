using FixIt.Domain.Text;

namespace FixIt.UnitTests.Text;

/// <summary>Characters counted and cut as a person sees them, in every script.</summary>
public sealed class TextElementsTests
{
    private const string Family = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466"; // 👨‍👩‍👧‍👦, 11 code units
    private const string England = "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F"; // 14 code units
    private const string Wales = "\U0001F3F4\U000E0067\U000E0062\U000E0077\U000E006C\U000E0073\U000E007F";

    [Theory]
    [InlineData("pothole", 7)]
    [InlineData("\U0001F573\uFE0F", 1)] // hole + variation selector
    [InlineData(Family, 1)]
    [InlineData("\U0001F44D\U0001F3FD", 1)] // thumbs up, skin tone
    [InlineData("\U0001F1EC\U0001F1E7\U0001F1EB\U0001F1F7", 2)] // two flags from regional indicators
    [InlineData(England, 1)]
    [InlineData("e\u0301te\u0301", 3)] // "été" with combining acute accents
    [InlineData("Z\u0351\u0352\u0353\u0354\u0355", 1)] // a letter under a pile of combining marks
    [InlineData("\u1100\u1161\u11A8\u1100\u1161", 2)] // 각가 written as jamo
    [InlineData("道路に穴", 4)]
    [InlineData("حفرة في الطريق", 14)]
    [InlineData("בור בכביש", 9)]
    [InlineData("", 0)]
    [InlineData(null, 0)]
    public void Characters_are_counted_as_a_person_sees_them(string? text, int expected) =>
        Assert.Equal(expected, TextElements.Count(text));

    [Fact]
    public void Seventy_emoji_are_seventy_characters_not_one_hundred_and_forty()
    {
        var text = string.Concat(Enumerable.Repeat("\U0001F600", 70));

        Assert.Equal(140, text.Length);
        Assert.Equal(70, TextElements.Count(text));
        Assert.True(TextElements.Fits(text, 70));
        Assert.False(TextElements.Fits(text, 69));
    }

    [Theory]
    [InlineData(Family + Family + Family, 2, Family + Family)]
    [InlineData("e\u0301e\u0301e\u0301", 2, "e\u0301e\u0301")]
    [InlineData("\U0001F1EC\U0001F1E7\U0001F1EB\U0001F1F7", 1, "\U0001F1EC\U0001F1E7")]
    [InlineData("道路に穴", 3, "道路に")]
    [InlineData("short", 10, "short")]
    public void Truncation_keeps_whole_characters(string text, int max, string expected) =>
        Assert.Equal(expected, TextElements.Truncate(text, max));

    [Theory]
    [InlineData(Family + Family, 12, Family)] // 22 units: the second family does not fit in 12 and is not split
    [InlineData(Family, 10, "")]
    [InlineData("ab\U0001F600", 3, "ab")] // never a lone high surrogate
    [InlineData(England + Wales, 20, England)]
    public void Truncation_to_a_column_length_keeps_whole_characters(string text, int maxLength, string expected)
    {
        var cut = TextElements.TruncateToLength(text, maxLength);

        Assert.Equal(expected, cut);
        Assert.True(cut.Length <= maxLength);
    }

    [Fact]
    public void Shortening_ends_in_an_ellipsis_after_whole_characters_and_is_never_over_either_limit()
    {
        var emoji = string.Concat(Enumerable.Repeat("\U0001F600", 70));

        var shortened = TextElements.Shorten(emoji, 60);

        Assert.Equal(60, TextElements.Count(shortened));
        Assert.EndsWith("\U0001F600…", shortened, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', shortened);
        Assert.Equal(emoji[..118] + "…", shortened);

        var families = TextElements.Shorten(string.Concat(Enumerable.Repeat(Family, 30)), 100, 50);
        Assert.Equal(string.Concat(Enumerable.Repeat(Family, 4)) + "…", families);
    }

    [Fact]
    public void Shortening_cuts_at_a_word_in_the_second_half()
    {
        var text = string.Join(' ', Enumerable.Repeat("\u0627\u0644\u0637\u0631\u064A\u0642", 20)); // "الطريق" × 20

        var shortened = TextElements.Shorten(text, 50);

        Assert.True(TextElements.Count(shortened) <= 50);
        Assert.EndsWith("\u0627\u0644\u0637\u0631\u064A\u0642…", shortened, StringComparison.Ordinal);
    }
}
