using System.Diagnostics;
using FixIt.Web.Infrastructure.Localization;

namespace FixIt.IntegrationTests.Localization;

/// <summary>
/// Reading <c>Accept-Language</c> (RFC 9110 §12.5.4): the supported language with the highest weight, the earlier on a
/// tie, never one weighted 0, in a bounded read of any header.
/// </summary>
public sealed class AcceptLanguageTests
{
    private static readonly string[] Site = ["en", "cy"];

    [Theory]
    [InlineData("cy", "cy")]
    [InlineData("cy-GB,cy;q=0.9,en;q=0.5", "cy")]
    [InlineData("fr,de,es,cy", "cy")]
    [InlineData("fr;q=0.9,de;q=0.8,es;q=0.7,cy;q=0.95", "cy")]
    [InlineData("en;q=0.5, cy;q=0.9", "cy")]
    [InlineData("en-GB;q=0.8,cy;q=0.8", "en")]
    [InlineData("cy;q=0.8,en;q=0.8", "cy")]
    [InlineData("CY-gb", "cy")]
    [InlineData("cy;Q=1.000", "cy")]
    [InlineData("cy;level=1;q=0.3,en;q=0.2", "cy")]
    [InlineData("  ,, en ;  q=0.2 , cy;q=0.1", "en")]
    public void The_heaviest_supported_language_wins(string header, string expected) =>
        Assert.Equal(expected, AcceptLanguage.Choose(header, Site));

    [Theory]
    [InlineData("cy;q=0")]
    [InlineData("cy;q=0.000, fr")]
    [InlineData("fr-FR,fr;q=0.9")]
    [InlineData("*")]
    [InlineData("cym, cyx-GB, c")]
    [InlineData("cy;q=1.5")]
    [InlineData("cy;q=0.0001")]
    [InlineData("cy;q=abc")]
    [InlineData("cy;q=")]
    [InlineData("cy;q=-1")]
    [InlineData("")]
    [InlineData(null)]
    public void A_refused_malformed_or_unsupported_language_chooses_none(string? header) =>
        Assert.Null(AcceptLanguage.Choose(header, Site));

    [Fact]
    public void The_site_spelling_is_returned_for_the_pseudo_locale_too() =>
        Assert.Equal("qps-Ploc", AcceptLanguage.Choose("fr, qps-ploc;q=0.5", ["en", "cy", "qps-Ploc"]));

    [Fact]
    public void Only_the_first_ranges_and_characters_are_read()
    {
        var fillers = string.Concat(Enumerable.Repeat("fr,", AcceptLanguage.MaxRanges - 1));
        Assert.Equal("cy", AcceptLanguage.Choose(fillers + "cy", Site));
        Assert.Null(AcceptLanguage.Choose(fillers + "fr,cy", Site));

        // A range cut by the character limit is dropped, not read as "cy" (weight 1); one inside it is read.
        var padding = new string(' ', AcceptLanguage.MaxLength - "en;q=0.1,cy".Length);
        Assert.Equal("en", AcceptLanguage.Choose($"en;q=0.1,{padding}cy;q=0.01", Site));
        Assert.Equal("cy", AcceptLanguage.Choose($"en;q=0.1,{padding[("cy;q=0.9".Length - "cy".Length)..]}cy;q=0.9", Site));
    }

    [Fact]
    public void A_40_kb_header_stays_cheap()
    {
        string[] headers =
        [
            string.Concat(Enumerable.Repeat("fr-FR;q=0.5,", 3400)) + "cy",
            new string('a', 40_000),
            new string(',', 40_000) + "cy",
            "cy;" + string.Concat(Enumerable.Repeat("x=1;", 10_000)),
        ];

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 1_000; i++)
        {
            foreach (var header in headers)
            {
                Assert.Null(AcceptLanguage.Choose(header, Site));
            }
        }

        // 4,000 reads; a reader that walked the whole 40 KB each time (or worse) takes far longer on this machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"4,000 reads of 40 KB headers took {clock.Elapsed.TotalMilliseconds:0} ms");
    }
}
