using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Reports;

/// <summary>Feeds, exports and the form's helper APIs, on both providers.</summary>
[Collection(AppsCollection.Name)]
public sealed class PublicWebTests(AppsFixture apps)
{
    private const string PrivateEmail = "feeds.private.person@example.org";

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Confirmed_reports_appear_in_feeds_and_exports_without_personal_data(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var body = ReportRequests.Valid("=1+1 Export me");
        body["reporterEmail"] = PrivateEmail;
        body["reporterName"] = "Feeds Private Name";
        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
        var hidden = (await app.Client.SubmitAsync(ReportRequests.Valid("Never confirmed export"))).GetProperty("id").GetInt32();
        await app.WithDbAsync(async db =>
        {
            var report = await db.Reports.SingleAsync(r => r.Id == id);
            report.Confirm(EventSource.Web, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        var csv = await app.Client.GetStringAsync("operators/demo-city-council/reports.csv");
        var geojson = await app.Client.GetStringAsync("operators/demo-city-council/reports.geojson");
        var operatorFeed = await app.Client.GetStringAsync("feeds/operators/demo-city-council.atom");
        var areaId = await app.WithDbAsync(db => db.Areas.Where(a => a.Code == "demo-city").Select(a => a.Id).SingleAsync());
        var areaFeed = await app.Client.GetStringAsync($"feeds/areas/{areaId}.atom");

        foreach (var text in new[] { csv, geojson, operatorFeed, areaFeed })
        {
            Assert.Contains($"/reports/{id}", text, StringComparison.Ordinal);
            Assert.DoesNotContain($"/reports/{hidden}<", text, StringComparison.Ordinal);
            Assert.DoesNotContain($"/reports/{hidden}\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain($"/reports/{hidden}\r", text, StringComparison.Ordinal);
            Assert.DoesNotContain("feeds.private.person", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Feeds Private Name", text, StringComparison.Ordinal);
            Assert.DoesNotContain("+44 113", text, StringComparison.Ordinal);
        }

        // A title starting a formula is escaped for spreadsheets, and the row keeps the fourteen columns.
        var row = csv.Split("\r\n").Single(l => l.StartsWith($"{id},", StringComparison.Ordinal));
        Assert.Contains(",\"'=1+1 Export me\",", row, StringComparison.Ordinal);
        var feature = JsonDocument.Parse(geojson).RootElement.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetInt32() == id);
        Assert.Equal("Demo City", feature.GetProperty("properties").GetProperty("area").GetString());
        Assert.Equal(-1.5492, feature.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble());

        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = XDocument.Parse(operatorFeed).Root!.Elements(atom + "entry").ToList();
        Assert.Contains(entries, e => e.Element(atom + "title")!.Value == "=1+1 Export me");
        var updates = XDocument.Parse(await app.Client.GetStringAsync($"feeds/reports/{id}.atom")).Root!.Elements(atom + "entry").ToList();
        Assert.Contains(updates, e => e.Element(atom + "title")!.Value.Contains("Open", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Categories_at_a_point_are_those_the_rules_route_there(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var inCity = await app.Client.GetJsonAsync("api/categories?lat=53.80&lon=-1.55");
        Assert.Equal(5, inCity.GetArrayLength());
        var nowhere = await app.Client.GetJsonAsync("api/categories?lat=10&lon=10");
        Assert.Equal(0, nowhere.GetArrayLength());
        using var bad = await app.Client.GetAsync("api/categories?lat=95&lon=10");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Nearby_lists_open_reports_of_the_category_within_250_metres(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        async Task<int> At(string title, string category, double lat, double lon)
        {
            var body = ReportRequests.Valid(title);
            body["categoryCode"] = category;
            body["latitude"] = lat;
            body["longitude"] = lon;
            return (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
        }

        var near = await At("Nearby graffiti", "graffiti", 53.8105, -1.5205);
        var far = await At("Far graffiti", "graffiti", 53.8105, -1.5155);
        var otherKind = await At("Nearby pothole", "pothole", 53.8106, -1.5206);
        await app.WithDbAsync(async db =>
        {
            foreach (var r in await db.Reports.Where(r => r.Id == near || r.Id == far || r.Id == otherKind).ToListAsync())
            {
                r.Confirm(EventSource.Web, DateTimeOffset.UtcNow);
            }

            return await db.SaveChangesAsync();
        });

        var found = await app.Client.GetJsonAsync("api/reports/nearby?lat=53.8100&lon=-1.5200&category=graffiti");
        var ids = found.EnumerateArray().Select(n => n.GetProperty("report").GetProperty("id").GetInt32()).ToList();
        Assert.Equal([near], ids);
        Assert.InRange(found[0].GetProperty("distanceMetres").GetInt32(), 50, 90);
    }
}
