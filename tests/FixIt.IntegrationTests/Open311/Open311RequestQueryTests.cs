using System.Globalization;
using System.Net;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;

namespace FixIt.IntegrationTests.Open311;

/// <summary>GET requests: filters, the default and largest date window, the 1,000-row limit and paging.</summary>
[Collection(Open311Collection.Name)]
public sealed class Open311RequestQueryTests(Open311Fixture apps)
{
    [Theory]
    [MemberData(nameof(Open311Fixture.ProvidersAndFormats), MemberType = typeof(Open311Fixture))]
    public async Task Filters_by_service_code_and_status_and_ids_override_them(DatabaseProvider provider, string format)
    {
        var app = await apps.GetAsync(provider);
        var now = DateTimeOffset.UtcNow;
        var potholes = await app.InsertConfirmedAsync($"Filter {format}", [now.AddHours(-2), now.AddHours(-1)]);
        var (tipping, _) = await app.PostValidAsync($"Filter tipping {format}");
        await app.UpdateAsync(tipping, r => r.Confirm(EventSource.EmailLink, now));
        await app.UpdateAsync(potholes[1], r => r.ChangeStatus(ReportStatus.Fixed, ActorKind.Operator, "Demo City Council", EventSource.EmailLink, null, now));
        var (hidden, _) = await app.PostValidAsync($"Filter hidden {format}");
        await app.UpdateAsync(hidden, r => r.ChangeStatus(ReportStatus.Hidden, ActorKind.Admin, "Admin", EventSource.Admin, null, now));

        var byCode = await IdsAsync(app, format, "service_code=pothole");
        Assert.Contains(potholes[0], byCode);
        Assert.DoesNotContain(tipping, byCode);
        Assert.All(await RequestsAsync(app, format, "service_code=pothole"), r => Assert.Equal("pothole", r["service_code"]));

        var both = await IdsAsync(app, format, "service_code=pothole,fly-tipping");
        Assert.Superset(new HashSet<int>([.. potholes, tipping]), both.ToHashSet());
        Assert.DoesNotContain(hidden, both);

        var closed = await IdsAsync(app, format, "service_code=pothole&status=closed");
        Assert.Contains(potholes[1], closed);
        Assert.DoesNotContain(potholes[0], closed);
        Assert.All(await RequestsAsync(app, format, "status=closed"), r => Assert.Equal("closed", r["status"]));
        var open = await IdsAsync(app, format, "status=open");
        Assert.Contains(potholes[0], open);
        Assert.DoesNotContain(potholes[1], open);

        var byIds = await IdsAsync(app, format, $"service_request_id={potholes[1]},{tipping},{hidden}&service_code=graffiti&status=open&start_date=2001-01-01T00:00:00Z&end_date=2001-01-02T00:00:00Z");
        Assert.Equal([potholes[1], tipping], byIds.Order());
        await app.GetAsync($"open311/v2/requests/{hidden}.{format}", format, HttpStatusCode.NotFound);

        var error = Assert.Single(Open311Doc.ListOf(format,
            await app.GetAsync($"open311/v2/requests.{format}?service_code=pothole,no-such-service", format, HttpStatusCode.NotFound), "errors", "error"));
        Assert.Equal("404", error["code"]);
    }

    [Theory]
    [MemberData(nameof(Open311Fixture.ProvidersAndFormats), MemberType = typeof(Open311Fixture))]
    public async Task Default_window_is_the_last_90_days_and_a_longer_one_is_refused(DatabaseProvider provider, string format)
    {
        var app = await apps.GetAsync(provider);
        var now = DateTimeOffset.UtcNow;
        var ids = await app.InsertConfirmedAsync($"Window {format}", [now.AddDays(-100), now.AddDays(-89), now.AddDays(-10)]);

        var recent = await IdsAsync(app, format, "");
        Assert.DoesNotContain(ids[0], recent);
        Assert.Contains(ids[1], recent);
        Assert.Contains(ids[2], recent);

        var explicitWindow = await IdsAsync(app, format, $"start_date={Date(now.AddDays(-101))}&end_date={Date(now.AddDays(-99))}");
        Assert.Contains(ids[0], explicitWindow);
        Assert.DoesNotContain(ids[1], explicitWindow);

        var fromStartOnly = await IdsAsync(app, format, $"start_date={Date(now.AddDays(-101))}");
        Assert.Contains(ids[0], fromStartOnly);
        Assert.Contains(ids[1], fromStartOnly);
        Assert.DoesNotContain(ids[2], fromStartOnly);

        var untilEndOnly = await IdsAsync(app, format, $"end_date={Date(now.AddDays(-50))}");
        Assert.Equal([ids[1], ids[0]], untilEndOnly.Intersect(ids));

        // A window reaching past the calendar's ends is cut there, not an error (it was a 500).
        Assert.Empty(await IdsAsync(app, format, "start_date=9999-12-31T00:00:00Z"));
        Assert.Empty(await IdsAsync(app, format, "end_date=0001-01-01T00:00:00Z"));

        await AssertErrorAsync(app, format, $"start_date={Date(now.AddDays(-91))}&end_date={Date(now)}", "start_date");
        await AssertErrorAsync(app, format, $"start_date={Date(now)}&end_date={Date(now.AddDays(-1))}", "end_date");
        await AssertErrorAsync(app, format, "start_date=yesterday", "start_date");
        await AssertErrorAsync(app, format, "status=pending", "status");
        await AssertErrorAsync(app, format, "service_request_id=12,abc", "service_request_id");
        await AssertErrorAsync(app, format, "page=0", "page");
        await AssertErrorAsync(app, format, "page_size=1001", "page_size");
    }

    [Theory]
    [MemberData(nameof(AppsFixtureProviders))]
    public async Task At_most_1000_rows_come_back_newest_first_and_paging_reaches_the_rest(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var start = DateTimeOffset.UtcNow.AddDays(-200);
        var ids = await app.InsertConfirmedAsync("Bulk", [.. Enumerable.Range(0, 1001).Select(i => start.AddSeconds(i))]);
        var window = $"start_date={Date(start.AddHours(-1))}&end_date={Date(start.AddDays(1))}";

        foreach (var format in new[] { "json", "xml" })
        {
            var first = await IdsAsync(app, format, window);
            Assert.Equal(1000, first.Count);
            Assert.Equal(ids[1000], first[0]);
            Assert.Equal(ids[1], first[999]);
            Assert.Equal([ids[0]], await IdsAsync(app, format, window + "&page=2"));
            Assert.Equal(ids[..201].AsEnumerable().Reverse(), await IdsAsync(app, format, window + "&page=3&page_size=400"));
        }
    }

    public static TheoryData<DatabaseProvider> AppsFixtureProviders => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    private static string Date(DateTimeOffset time) => Uri.EscapeDataString(time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    private static async Task<IReadOnlyList<Open311Doc>> RequestsAsync(FixItApp app, string format, string query) =>
        Open311Doc.ListOf(format, await app.GetAsync($"open311/v2/requests.{format}?{query}", format), "service_requests", "request");

    private static async Task<List<int>> IdsAsync(FixItApp app, string format, string query) =>
        [.. (await RequestsAsync(app, format, query)).Select(r => int.Parse(r["service_request_id"]!, CultureInfo.InvariantCulture))];

    private static async Task AssertErrorAsync(FixItApp app, string format, string query, string field)
    {
        var text = await app.GetAsync($"open311/v2/requests.{format}?{query}", format, HttpStatusCode.BadRequest);
        var error = Assert.Single(Open311Doc.ListOf(format, text, "errors", "error"));
        Assert.Equal("400", error["code"]);
        Assert.StartsWith(field + ":", error["description"], StringComparison.Ordinal);
    }
}
