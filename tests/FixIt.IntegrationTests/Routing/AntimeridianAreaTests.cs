using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;

namespace FixIt.IntegrationTests.Routing;

/// <summary>Areas across the 180° meridian and at the poles: the stored box, the map, routing at ±180 and ±90.</summary>
[Collection(AppsCollection.Name)]
public sealed class AntimeridianAreaTests(AppsFixture apps)
{
    /// <summary>An Aleutian-like borough: one piece east of 179, one west of −179, cut at the line as boundary data is.</summary>
    private const string Aleutians = """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Meridian Borough","id":"MB-1"},
         "geometry":{"type":"MultiPolygon","coordinates":[
           [[[179.2,60],[180,60],[180,61],[179.2,61],[179.2,60]]],
           [[[-180,60],[-179.3,60],[-179.3,61],[-180,61],[-180,60]]]]}}]}
        """;

    private const string SouthCap = """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"South Cap","id":"CAP"},
         "geometry":{"type":"Polygon","coordinates":[[[-180,-90],[180,-90],[180,-89],[-180,-89],[-180,-90]]]}}]}
        """;

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task An_area_across_the_line_is_stored_and_served_with_the_box_across_it(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await app.AdminClientAsync();
        await ImportAsync(admin, "test-meridian", Aleutians);

        var area = (await admin.GetFromJsonAsync<JsonElement>("api/admin/areas?kind=test-meridian"))[0];
        var id = area.GetProperty("id").GetInt32();
        var map = await app.Client.GetStringAsync($"map?area={id}");

        Assert.Equal([179.2, 60, -179.3, 61], area.GetProperty("boundingBox").EnumerateArray().Select(n => n.GetDouble()));
        Assert.Contains("data-bounds=\"179.2,60,-179.3,61\"", map, StringComparison.Ordinal);
        Assert.Matches($"<option value=\"{id}\"[^>]* data-bbox=\"179.2,60,-179.3,61\"", map);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Routing_gives_one_answer_at_180_and_minus_180_naming_the_area_by_code_and_kind(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await app.AdminClientAsync();
        await ImportAsync(admin, "test-meridian-rule", Aleutians);
        using var saved = await admin.PutAsJsonAsync("api/admin/operators/meridian-borough",
            new { name = "Meridian Borough Council", kind = "council", contacts = new[] { new { email = "roads@meridian.example.net" } } });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var operatorId = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var rule = await admin.PostAsJsonAsync("api/admin/rules",
            new { areaKind = "test-meridian-rule", areaCode = "MB-1", @operator = "meridian-borough", priority = 1 });
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);

        var answers = new List<JsonElement>();
        foreach (var lon in new[] { "180", "-180", "179.5", "-179.5" })
        {
            answers.Add(await app.Client.GetJsonAsync($"api/routing/explain?lat=60.5&lon={lon}&category=pothole"));
        }

        foreach (var answer in answers)
        {
            var areas = answer.GetProperty("areas").EnumerateArray().Where(a => a.GetProperty("kind").GetString() == "test-meridian-rule").ToList();
            var only = Assert.Single(areas);
            Assert.Equal("MB-1", only.GetProperty("code").GetString());
            Assert.Equal("Meridian Borough", only.GetProperty("name").GetString());
            Assert.Equal(operatorId, answer.GetProperty("operatorId").GetInt32());
        }

        Assert.Equal(answers[0].GetProperty("areas").ToString(), answers[1].GetProperty("areas").ToString());
        Assert.Equal(answers[0].GetProperty("candidates").ToString(), answers[1].GetProperty("candidates").ToString());

        var areasFile = await app.Client.GetJsonAsync("operators/meridian-borough/areas.geojson");
        Assert.Equal([179.2, 60, -179.3, 61], areasFile.GetProperty("bbox").EnumerateArray().Select(n => n.GetDouble()));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Routing_at_the_poles_answers_and_finds_an_area_holding_the_pole_at_any_longitude(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await app.AdminClientAsync();
        await ImportAsync(admin, "test-pole", SouthCap);

        foreach (var lon in new[] { "0", "180", "-180", "-73.5" })
        {
            var south = await app.Client.GetJsonAsync($"api/routing/explain?lat=-90&lon={lon}");
            var north = await app.Client.GetJsonAsync($"api/routing/explain?lat=90&lon={lon}");

            Assert.Contains("CAP", south.GetProperty("areas").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
            Assert.Equal(0, north.GetProperty("areas").GetArrayLength());
        }
    }

    private static async Task ImportAsync(HttpClient admin, string kind, string geoJson)
    {
        using var import = await admin.PostAsync($"api/admin/areas/import?kind={kind}&nameProperty=name&codeProperty=id",
            new StringContent(geoJson, Encoding.UTF8, "application/json"));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
    }
}
