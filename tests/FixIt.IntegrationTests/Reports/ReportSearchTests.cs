using System.Net;
using System.Text.Json;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Reports;

/// <summary>GET /api/reports: the map's bbox API.</summary>
[Collection(AppsCollection.Name)]
public sealed class ReportSearchTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Bbox_returns_the_confirmed_open_reports_inside_it_as_geojson(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var inside = await SubmitAtAsync(app, "Bbox inside", 53.8201, -1.4901);
        var outside = await SubmitAtAsync(app, "Bbox outside", 53.8201, -1.4801);
        var unconfirmed = await SubmitAtAsync(app, "Bbox unconfirmed", 53.8202, -1.4902);
        var fixedOne = await SubmitAtAsync(app, "Bbox fixed", 53.8203, -1.4903);
        await ConfirmAsync(app, inside, outside, fixedOne);
        await ChangeAsync(app, fixedOne, ReportStatus.Fixed);

        using var response = await app.Client.GetAsync("api/reports?bbox=-1.4910,53.8195,-1.4890,53.8210");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("FeatureCollection", body.GetProperty("type").GetString());
        var features = body.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal([inside], features.Select(f => f.GetProperty("id").GetInt32()));
        var feature = features[0];
        Assert.Equal([-1.4901, 53.8201], feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        Assert.Equal("Bbox inside", feature.GetProperty("properties").GetProperty("title").GetString());
        Assert.Equal("open", feature.GetProperty("properties").GetProperty("statusType").GetString());
        Assert.DoesNotContain(unconfirmed.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",", body.GetProperty("features").ToString(), StringComparison.Ordinal);

        var fixedOnly = await app.Client.GetJsonAsync("api/reports?bbox=-1.4910,53.8195,-1.4890,53.8210&status=fixed");
        Assert.Equal([fixedOne], fixedOnly.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt32()));
        var all = await app.Client.GetJsonAsync("api/reports?bbox=-1.4910,53.8195,-1.4890,53.8210&status=all");
        Assert.Equal(2, all.GetProperty("features").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Bbox_pages_with_a_limit_and_a_next_link(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await SubmitAtAsync(app, $"Paging {i}", 53.7801, -1.5901 + (i * 0.0001)));
        }

        await ConfirmAsync(app, [.. ids]);
        var first = await app.Client.GetJsonAsync("api/reports?bbox=-1.5905,53.7795,-1.5895,53.7805&limit=2");
        Assert.Equal(2, first.GetProperty("features").GetArrayLength());
        var next = first.GetProperty("next").GetString()!;
        Assert.Contains("offset=2", next, StringComparison.Ordinal);
        var second = await app.Client.GetJsonAsync(next.TrimStart('/'));
        Assert.Equal(1, second.GetProperty("features").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        var seen = first.GetProperty("features").EnumerateArray().Concat(second.GetProperty("features").EnumerateArray())
            .Select(f => f.GetProperty("id").GetInt32()).Order();
        Assert.Equal(ids.Order(), seen);
        // Each feature's url is the report's public page, absolute on Site:PublicBaseUrl like every url the API returns.
        Assert.All(first.GetProperty("features").EnumerateArray(), f => Assert.Equal(
            $"http://localhost:5080/reports/{f.GetProperty("id").GetInt32()}", f.GetProperty("properties").GetProperty("url").GetString()));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_missing_or_malformed_bbox_or_status_is_a_400_naming_the_parameter(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        foreach (var (query, field) in new[]
        {
            ("", "bbox"), ("bbox=1,2,3", "bbox"), ("bbox=a,b,c,d", "bbox"), ("bbox=10,50,10,51", "bbox"),
            ("bbox=-200,50,9,51", "bbox"), ("bbox=-1,53,-0.9,53.1&status=hidden", "status"), ("bbox=-1,53,-0.9,53.1&limit=5000", "limit"),
            ("bbox=-1,53,-0.9,53.1&age=0", "age"), ("bbox=-1,53,-0.9,53.1&age=99999999", "age"),
        })
        {
            using var response = await app.Client.GetAsync("api/reports?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{query}: {problem}");
        }

        // The map page takes the same filter: an age past the calendar is refused, not a 500.
        using var map = await app.Client.GetAsync("map?age=2147483647");
        Assert.Equal(HttpStatusCode.BadRequest, map.StatusCode);
    }

    private static async Task<int> SubmitAtAsync(FixItApp app, string title, double lat, double lon)
    {
        var body = ReportRequests.Valid(title);
        body["latitude"] = lat;
        body["longitude"] = lon;
        return (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
    }

    private static Task<int> ConfirmAsync(FixItApp app, params int[] ids) =>
        app.WithDbAsync(async db =>
        {
            foreach (var report in await db.Reports.Where(r => ids.Contains(r.Id)).ToListAsync())
            {
                report.Confirm(EventSource.Web, DateTimeOffset.UtcNow);
            }

            return await db.SaveChangesAsync();
        });

    private static Task<int> ChangeAsync(FixItApp app, int id, ReportStatus status) =>
        app.WithDbAsync(async db =>
        {
            var report = await db.Reports.SingleAsync(r => r.Id == id);
            report.ChangeStatus(status, ActorKind.Operator, "Demo City Council", EventSource.EmailLink, null, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
}
