using FixIt.Application.Features.Open311.PostRequest;
using FixIt.Application.Features.Open311.Requests;
using FixIt.Application.Features.Reports.SubmitReport;
using FixIt.Domain.Categories;
using FixIt.Domain.Text;

namespace FixIt.UnitTests.Application;

public sealed class Open311RulesTests
{
    private static readonly ExtraQuestion[] Questions =
    [
        new() { Code = "size", Question = "How much?", DataType = "singlevaluelist", Required = true, Order = 1, Values = [new() { Key = "small" }, new() { Key = "car" }] },
        new() { Code = "kinds", Question = "What kinds?", DataType = "multivaluelist", Order = 2, Values = [new() { Key = "bags" }, new() { Key = "tyres" }] },
        new() { Code = "count", Question = "How many?", DataType = "number", Order = 3 },
        new() { Code = "seen", Question = "When seen?", DataType = "datetime", Order = 4 },
        new() { Code = "note", Question = "Anything else?", DataType = "text", Order = 5 },
    ];

    public static TheoryData<string, string[], string?> Answers() => new()
    {
        { "size", ["car"], null },
        { "size", ["lorry"], "attribute[size]" },
        { "size", ["car", "small"], "attribute[size]" },
        { "kinds", ["bags", "tyres"], null },
        { "kinds", ["bags", "sofas"], "attribute[kinds]" },
        { "count", ["12.5"], null },
        { "count", ["a dozen"], "attribute[count]" },
        { "count", ["NaN"], "attribute[count]" },
        { "seen", ["2026-11-25T08:00:00+01:00"], null },
        { "seen", ["last Tuesday"], "attribute[seen]" },
        { "note", ["Two lines\nof text"], null },
        { "note", [new string('n', 1001)], "attribute[note]" },
        { "colour", ["red"], "attribute[colour]" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void Answers_are_checked_against_the_question_type_and_values(string code, string[] values, string? failingField)
    {
        var answers = new Dictionary<string, IReadOnlyList<string>> { ["size"] = ["small"], [code] = values };

        var failures = AttributeRules.Check(Questions, answers).Select(f => f.Field).ToList();

        Assert.Equal(failingField is null ? [] : [failingField], failures);
    }

    [Fact]
    public void A_required_question_without_an_answer_fails_and_blank_values_do_not_count()
    {
        var failures = AttributeRules.Check(Questions, new Dictionary<string, IReadOnlyList<string>> { ["size"] = ["  "] }).ToList();

        Assert.Equal("attribute[size]", Assert.Single(failures).Field);
    }

    [Theory]
    [InlineData("Mattress by the gate", "Mattress by the gate")]
    [InlineData("\n\n  First real line\nsecond", "First real line")]
    [InlineData("Tab\there", "Tab here")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Title_is_the_first_line_of_the_description(string? description, string? title) =>
        Assert.Equal(title, Open311Fields.TitleFrom(description));

    [Fact]
    public void A_long_first_line_is_cut_at_a_word_within_the_title_limit()
    {
        var description = string.Join(' ', Enumerable.Repeat("rubbish", 40));

        var title = Open311Fields.TitleFrom(description)!;

        Assert.True(title.Length <= TextLimits.ReportTitle.Characters, title);
        Assert.EndsWith("rubbish…", title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\U0001F600", 121)]
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467", 130)]
    [InlineData("\U0001F1FA\U0001F1E6", 121)]
    [InlineData("\u0628\u0651", 200)] // Arabic letter with shadda
    public void A_title_from_a_long_description_never_cuts_a_character(string character, int count)
    {
        var description = string.Concat(Enumerable.Repeat(character, count));

        var title = Open311Fields.TitleFrom(description)!;

        Assert.DoesNotContain('\uFFFD', title);
        Assert.Equal(TextLimits.ReportTitle.Characters, TextElements.Count(title));
        Assert.Equal(string.Concat(Enumerable.Repeat(character, TextLimits.ReportTitle.Characters - 1)) + "…", title);
    }

    [Fact]
    public void A_title_from_a_description_of_seventy_emoji_is_the_description() =>
        Assert.Equal(string.Concat(Enumerable.Repeat("\U0001F600", 70)), Open311Fields.TitleFrom(string.Concat(Enumerable.Repeat("\U0001F600", 70))));

    [Fact]
    public void A_title_from_a_decomposed_description_is_composed() =>
        Assert.Equal("Caf\u00E9 closed", Open311Fields.TitleFrom("Cafe\u0301 closed\nThe door is locked"));

    [Fact]
    public void Report_fields_are_named_as_open311_names_them() =>
        Assert.Equal(["service_code", "lat", "long", "email", "first_name", "media_url", "attribute[size]"],
            new[] { "CategoryCode", "Latitude", "Longitude", "ReporterEmail", "ReporterName", "MediaUrl", "attribute[size]" }.Select(Open311Fields.NameOf));

    [Fact]
    public void The_window_defaults_to_the_last_90_days_or_90_days_from_whichever_end_is_given()
    {
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var day = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal((now.AddDays(-90), now), new ListServiceRequestsQuery().Window(now));
        Assert.Equal((day, day.AddDays(90)), new ListServiceRequestsQuery { Start = day }.Window(now));
        Assert.Equal((day.AddDays(-90), day), new ListServiceRequestsQuery { End = day }.Window(now));
    }
}
