using FixIt.Application.Common;
using FixIt.Domain.Text;
using FluentValidation;

namespace FixIt.UnitTests.Application;

/// <summary>Length limits count characters as a person sees them, and say so in those characters.</summary>
public sealed class MaxCharactersTests
{
    private sealed record Titled(string? Title);

    private sealed class TitleValidator : AbstractValidator<Titled>
    {
        public TitleValidator() => RuleFor(t => t.Title).MaxCharacters(TextLimits.ReportTitle);
    }

    private static readonly TitleValidator Validator = new();

    [Theory]
    [InlineData("\U0001F600", 61)] // 122 code units: refused as "122 characters" before
    [InlineData("\U0001F600", 120)]
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466", 120)] // 1,320 code units
    [InlineData("\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", 120)] // Scotland's flag, 14 units each
    [InlineData("e\u0301", 120)]
    [InlineData("\u1100\u1161\u11A8", 120)]
    [InlineData("道", 120)]
    [InlineData("\u0634", 120)]
    public void Up_to_the_limit_in_characters_is_accepted_however_many_code_units_they_take(string character, int count) =>
        Assert.True(Validator.Validate(new Titled(string.Concat(Enumerable.Repeat(character, count)))).IsValid);

    [Theory]
    [InlineData("\U0001F600")]
    [InlineData("\U0001F1EF\U0001F1F5")]
    [InlineData("a\u0308")]
    [InlineData("\u05D0")]
    public void One_character_over_is_refused_counting_characters(string character)
    {
        var result = Validator.Validate(new Titled(string.Concat(Enumerable.Repeat(character, 121))));

        Assert.Equal("The length of 'Title' must be 120 characters or fewer. You entered 121 characters.", Assert.Single(result.Errors).ErrorMessage);
    }

    [Fact]
    public void Text_within_the_limit_but_longer_than_its_column_is_refused_as_too_long_to_store()
    {
        var zalgo = "Q" + new string('\u0301', 2000);

        var result = Validator.Validate(new Titled(zalgo));

        Assert.Equal(1, TextElements.Count(zalgo));
        Assert.Equal("'Title' is too long to store: its 1 character takes 2,001 UTF-16 code units, at most 1,920. Use fewer combining marks.",
            Assert.Single(result.Errors).ErrorMessage);
    }
}
