using FixIt.Domain.Text;

namespace FixIt.UnitTests.Text;

/// <summary>
/// Input is stored in NFC. In globalization-invariant mode .NET's string.Normalize leaves non-ASCII text as it is,
/// silently, so these tests also prove the build runs with ICU (ADR 0055).
/// </summary>
public sealed class TextFormTests
{
    [Fact]
    public void The_runtime_is_not_in_globalization_invariant_mode() =>
        Assert.False(AppContext.TryGetSwitch("System.Globalization.Invariant", out var invariant) && invariant,
            "InvariantGlobalization is on: string.Normalize does nothing to non-ASCII text (see ADR 0055).");

    [Theory]
    [InlineData("Cafe\u0301", "Caf\u00E9")] // decomposed é
    [InlineData("\u1100\u1161\u11A8", "\uAC01")] // Hangul jamo → the syllable 각
    [InlineData("\u1112\u1161\u11AB\u1100\u1173\u11AF", "\uD55C\uAE00")] // 한글
    [InlineData("A\u030A", "\u00C5")] // Å
    [InlineData("\u212B", "\u00C5")] // ANGSTROM SIGN is canonically Å
    [InlineData("\u0915\u093C", "\u0915\u093C")] // Devanagari QA stays decomposed (a composition exclusion)
    [InlineData("\u0627\u0653", "\u0622")] // Arabic alef with madda
    [InlineData("pothole", "pothole")]
    [InlineData("", "")]
    public void Text_is_composed(string input, string expected) => Assert.Equal(expected, TextForm.Nfc(input));

    [Fact]
    public void Text_already_composed_is_returned_as_it_is()
    {
        var text = "Caf\u00E9 \U0001F600 道路 حفرة";

        Assert.Same(text, TextForm.Nfc(text));
    }

    [Fact]
    public void Text_that_cannot_be_normalised_is_left_for_validation_to_name()
    {
        var broken = "Caf\u00E9 \uD800";

        Assert.Equal(broken, TextForm.Nfc(broken));
    }

    [Fact]
    public void Composed_and_decomposed_text_have_the_same_number_of_characters() =>
        Assert.Equal(TextElements.Count("Cafe\u0301 \u1100\u1161\u11A8"), TextElements.Count(TextForm.Nfc("Cafe\u0301 \u1100\u1161\u11A8")));

    [Fact]
    public void Public_text_is_composed_and_keeps_right_to_left_scripts_but_not_overrides()
    {
        var scrubbed = PublicTextScrubber.Scrub("\u202EMu\u0308ll \u05D1\u05D5\u05E8 \u0634\u0627\u0631\u0639\u2069");

        Assert.Equal("M\u00FCll \u05D1\u05D5\u05E8 \u0634\u0627\u0631\u0639", scrubbed);
        Assert.Equal("Caf\u00E9", PublicTextScrubber.Scrub("Cafe\u0301"));
    }
}
