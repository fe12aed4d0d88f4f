using System.Net;
using System.Text.Json;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Reports;

/// <summary>The bbox and nearby APIs across the 180° meridian, where the map of a Pacific council looks.</summary>
[Collection(AppsCollection.Name)]
public sealed class AntimeridianSearchTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_bbox_across_the_line_returns_the_reports_on_both_sides_and_none_between(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var east = await SubmitConfirmedAsync(app, "Meridian east", 51.41, 179.5);
        var onLine = await SubmitConfirmedAsync(app, "Meridian on the line", 51.42, 180);
        var onLineWest = await SubmitConfirmedAsync(app, "Meridian on the line, west", 51.43, -180);
        var west = await SubmitConfirmedAsync(app, "Meridian west", 51.44, -179.5);
        var farEast = await SubmitConfirmedAsync(app, "Meridian outside, east", 51.45, 178.5);
        var farWest = await SubmitConfirmedAsync(app, "Meridian outside, west", 51.46, -178.5);
        var between = await SubmitConfirmedAsync(app, "Meridian outside, Greenwich", 51.47, 0);

        var across = await IdsAsync(app, "api/reports?bbox=179,51.4,-179,51.5");
        var world = await IdsAsync(app, "api/reports?bbox=-180,51.4,180,51.5");
        var eastEdge = await IdsAsync(app, "api/reports?bbox=179,51.4,180,51.5");
        var westEdge = await IdsAsync(app, "api/reports?bbox=-180,51.4,-179,51.5");

        Assert.Equal([east, onLine, onLineWest, west], across.Order());
        Assert.Equal([east, onLine, onLineWest, west, farEast, farWest, between], world.Order());
        // −180 and 180 are one meridian: a box reaching either holds the reports on it.
        Assert.Equal([east, onLine, onLineWest], eastEdge.Order());
        Assert.Equal([onLine, onLineWest, west], westEdge.Order());

        var body = await app.Client.GetJsonAsync("api/reports?bbox=179,51.4,-179,51.5");
        Assert.Equal([179, 51.4, -179, 51.5], body.GetProperty("bbox").EnumerateArray().Select(n => n.GetDouble()));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_bbox_across_the_line_pages_through_both_halves(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        int[] ids = [await SubmitConfirmedAsync(app, "Meridian page 1", 51.61, 179.9), await SubmitConfirmedAsync(app, "Meridian page 2", 51.62, -179.9),
            await SubmitConfirmedAsync(app, "Meridian page 3", 51.63, 179.8)];

        var first = await app.Client.GetJsonAsync("api/reports?bbox=179,51.6,-179,51.7&limit=2");
        var second = await app.Client.GetJsonAsync(first.GetProperty("next").GetString()!.TrimStart('/'));

        var seen = first.GetProperty("features").EnumerateArray().Concat(second.GetProperty("features").EnumerateArray())
            .Select(f => f.GetProperty("id").GetInt32());
        Assert.Equal(ids.Order(), seen.Order());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Nearby_reports_are_found_across_the_line_and_at_a_pole(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var west = await SubmitConfirmedAsync(app, "Meridian nearby, west", 51.81, -179.9995);
        var far = await SubmitConfirmedAsync(app, "Meridian nearby, too far", 51.81, -179.99);
        var pole = await SubmitConfirmedAsync(app, "Meridian nearby, at the pole", -90, 45);

        var near = await app.Client.GetJsonAsync("api/reports/nearby?lat=51.81&lon=179.9995");
        var atPole = await app.Client.GetJsonAsync("api/reports/nearby?lat=-89.999&lon=-120");

        var found = near.EnumerateArray().ToDictionary(n => n.GetProperty("report").GetProperty("id").GetInt32(), n => n.GetProperty("distanceMetres").GetInt32());
        Assert.InRange(found[west], 60, 80);
        Assert.False(found.ContainsKey(far));
        Assert.Contains(pole, atPole.EnumerateArray().Select(n => n.GetProperty("report").GetProperty("id").GetInt32()));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_box_with_no_width_or_upside_down_is_refused_saying_why(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        foreach (var (bbox, words) in new[]
        {
            ("10,50,10,51", "no width"), ("180,50,-180,51", "no width"), ("10,52,11,51", "south latitude"),
            ("170,50,190,51", "east longitude"), ("-181,50,10,51", "west longitude"), ("10,50,11,91", "north latitude"),
        })
        {
            using var response = await app.Client.GetAsync("api/reports?bbox=" + bbox);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var message = string.Join(" ", problem.GetProperty("errors").GetProperty("bbox").EnumerateArray().Select(e => e.GetString()));
            Assert.Contains(words, message, StringComparison.Ordinal);
        }
    }

    private static async Task<int[]> IdsAsync(FixItApp app, string path) =>
        [.. (await app.Client.GetJsonAsync(path + "&status=all&limit=1000")).GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("id").GetInt32())
            .Intersect(await MeridianIdsAsync(app))];

    /// <summary>Only this class's reports: other tests' reports share the app and the world-wide box.</summary>
    private static Task<int[]> MeridianIdsAsync(FixItApp app) =>
        app.WithDbAsync(async db => await db.Reports.Where(r => r.Title.StartsWith("Meridian")).Select(r => r.Id).ToArrayAsync());

    private static async Task<int> SubmitConfirmedAsync(FixItApp app, string title, double lat, double lon)
    {
        var body = ReportRequests.Valid(title);
        body["latitude"] = lat;
        body["longitude"] = lon;
        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
        await app.WithDbAsync(async db =>
        {
            var report = await db.Reports.SingleAsync(r => r.Id == id);
            report.Confirm(EventSource.Web, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        return id;
    }
}
