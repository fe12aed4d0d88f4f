using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Open311;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Reports;

/// <summary>
/// Exports come in pages of at most Exports:MaxRows reports; a Link rel="next" header (and, in GeoJSON, a "links"
/// entry) leads to the rest, page after page, each report exactly once.
/// </summary>
public sealed partial class ExportPagingTests
{
    private const int PageSize = 4;
    private const string Export = "operators/demo-city-council/reports";

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task An_export_longer_than_a_page_comes_in_pages_linked_by_next(DatabaseProvider provider)
    {
        await using var app = await FixItApp.StartAsync(provider, new Dictionary<string, string?> { ["Exports:MaxRows"] = PageSize.ToString(CultureInfo.InvariantCulture) });
        await app.InsertConfirmedAsync("Paged export", [.. Enumerable.Range(0, 6).Select(i => DateTimeOffset.UtcNow.AddDays(-i))]);
        var expected = await app.WithDbAsync(async db =>
        {
            var operatorId = await db.Operators.Where(o => o.Slug == "demo-city-council").Select(o => o.Id).SingleAsync();
            return await db.Reports.Where(r => r.OperatorId == operatorId && r.Status != ReportStatus.Unconfirmed && r.Status != ReportStatus.Hidden)
                .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
        });
        Assert.True(expected.Count > PageSize);

        foreach (var format in new[] { "csv", "geojson" })
        {
            var pages = new List<List<int>>();
            string? next = $"{Export}.{format}";
            while (next is not null && pages.Count <= expected.Count)
            {
                using var response = await app.Client.GetAsync(next);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var body = await response.Content.ReadAsStringAsync();
                var link = response.Headers.TryGetValues("Link", out var values) ? NextLink().Match(values.Single()).Groups[1].Value : null;
                pages.Add(format == "csv" ? CsvIds(body) : GeoJsonIds(body, link));
                Assert.True(link is null || link.StartsWith("http://localhost:5080/", StringComparison.Ordinal), $"Next link {link}");
                next = link is null ? null : new Uri(link).PathAndQuery.TrimStart('/');
            }

            Assert.Equal(PageSize, pages[0].Count);
            Assert.All(pages.SkipLast(1), p => Assert.Equal(PageSize, p.Count));
            Assert.Equal(expected, pages.SelectMany(p => p));
        }
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_limit_above_the_cap_or_a_bad_cursor_is_refused_with_the_field_named(DatabaseProvider provider)
    {
        await using var app = await FixItApp.StartAsync(provider, new Dictionary<string, string?> { ["Exports:MaxRows"] = PageSize.ToString(CultureInfo.InvariantCulture) });

        foreach (var (query, field) in new[] { ("limit=5", "limit"), ("limit=0", "limit"), ("after=-1", "after"), ("after=x", "after") })
        {
            using var response = await app.Client.GetAsync($"{Export}.csv?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
            Assert.Equal($"{field} must be a whole number from {(field == "limit" ? 1 : 0)} to {(field == "limit" ? PageSize : int.MaxValue)}.",
                errors.GetProperty(field)[0].GetString());
        }
    }

    private static List<int> CsvIds(string csv) =>
        [.. ReportUrl().Matches(csv).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    private static List<int> GeoJsonIds(string json, string? link)
    {
        var root = JsonDocument.Parse(json).RootElement;
        var links = root.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("href").GetString()).ToList();
        Assert.Equal(link is null ? [] : [link], links);
        return [.. root.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt32())];
    }

    [GeneratedRegex("^<([^>]+)>; rel=\"next\"$")]
    private static partial Regex NextLink();

    [GeneratedRegex(@"/reports/(\d+)\r?$", RegexOptions.Multiline)]
    private static partial Regex ReportUrl();
}
