using FixIt.Application.Common;
using FixIt.Domain.Text;
using FluentValidation;

namespace FixIt.UnitTests.Text;

public sealed class TextCharactersTests
{
    [Theory]
    [InlineData("a\u0001b", 0x0001, 1)]
    [InlineData("a\u001Bb", 0x001B, 1)]
    [InlineData("ab\u007F", 0x007F, 2)]
    [InlineData("\u0085", 0x0085, 0)]
    [InlineData("x\uFFFE", 0xFFFE, 1)]
    [InlineData("x\uFFFF", 0xFFFF, 1)]
    [InlineData("x\uFDD0", 0xFDD0, 1)]
    [InlineData("x\uD83F\uDFFE", 0x1FFFE, 1)]
    [InlineData("\vtab", 0x000B, 0)]
    public void Unsafe_characters_are_found_and_named(string text, int codePoint, int index)
    {
        Assert.Equal(index, TextCharacters.IndexOfUnsafe(text, out var found));
        Assert.Equal(codePoint, found);
    }

    [Fact]
    public void Unpaired_surrogates_are_found_and_a_pair_is_not()
    {
        // Built here: xUnit's test data cannot carry a lone surrogate.
        Assert.Equal(1, TextCharacters.IndexOfUnsafe("x" + LoneHigh + "y", out var high));
        Assert.Equal(0xD800, high);
        Assert.Equal(1, TextCharacters.IndexOfUnsafe("x" + LoneLow, out var low));
        Assert.Equal(0xDC00, low);
        Assert.Equal(1, TextCharacters.IndexOfUnsafe("x" + LoneLow + LoneHigh, out _));
        Assert.Equal(-1, TextCharacters.IndexOfUnsafe("x\uD83D\uDE42", out _));
        Assert.Equal("xy", TextCharacters.Clean("x" + LoneHigh + "y" + LoneLow));
    }

    [Theory]
    [InlineData("Tab\there,\r\nlines\nand é, 中文, 🙂 (U+1F642), \uFFFD, \u00A0")]
    [InlineData("")]
    public void Ordinary_text_tabs_and_line_breaks_are_safe(string text)
    {
        Assert.Equal(-1, TextCharacters.IndexOfUnsafe(text, out _));
        Assert.Same(text, TextCharacters.Clean(text));
    }

    [Fact]
    public void Cleaning_removes_unsafe_characters_and_turns_page_breaks_into_line_breaks()
    {
        Assert.Equal("ab\nc\nd\ne🙂f", TextCharacters.Clean("a\u0001b\vc\fd\u0085e\uFFFE🙂" + LoneHigh + "f\u009F"));
    }

    [Theory]
    [InlineData("Bad\u0001title", "U+0001 at position 4")]
    [InlineData("Bad\uFFFEtitle", "U+FFFE at position 4")]
    [InlineData("Bad\u001Btitle", "U+001B at position 4")]
    [InlineData("Bad{lone}title", "U+D800 at position 4")]
    public void The_validation_rules_name_the_field_and_the_character(string value, string where)
    {
        value = value.Replace("{lone}", LoneHigh, StringComparison.Ordinal);
        var validator = new InlineValidator<Sample>();
        validator.RuleFor(s => s.Text).PrintableText();
        validator.RuleFor(s => s.Line).SingleLine();

        var result = validator.Validate(new Sample(value, value));

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Contains($"contains a character that is not allowed ({where}).", e.ErrorMessage, StringComparison.Ordinal));
        Assert.Equal("'Text' contains", result.Errors[0].ErrorMessage[..15]);
        Assert.Equal("'Line' contains", result.Errors[1].ErrorMessage[..15]);
    }

    [Fact]
    public void Multi_line_text_may_hold_tabs_and_line_breaks_single_lines_may_not()
    {
        var validator = new InlineValidator<Sample>();
        validator.RuleFor(s => s.Text).PrintableText();
        validator.RuleFor(s => s.Line).SingleLine();

        var result = validator.Validate(new Sample("one\r\n\ttwo", "one\ntwo"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("'Line' must be a single line of text.", error.ErrorMessage);
    }

    private static readonly string LoneHigh = new((char)0xD800, 1);
    private static readonly string LoneLow = new((char)0xDC00, 1);

    public sealed record Sample(string? Text, string? Line);
}
