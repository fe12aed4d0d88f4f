using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;

namespace FixIt.IntegrationTests.Routing;

[Collection(AppsCollection.Name)]
public sealed class AreaImportApiTests(AppsFixture apps)
{
    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Imported_TopoJSON_areas_and_new_rules_route_at_once_with_one_answer_on_a_shared_edge(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await app.AdminClientAsync();
        var topo = AdminRequests.SquaresTopoJson(100, -40, 1, "w1", "e1");

        using var import = await admin.PostAsync("api/admin/areas/import?kind=test-square&nameProperty=name&codeProperty=id", Json(topo));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        foreach (var (code, priority) in new[] { ("w1", 3), ("e1", 3) })
        {
            using var rule = await admin.PostAsJsonAsync("api/admin/rules",
                new { areaKind = "test-square", areaCode = code, @operator = code == "w1" ? "demo-buses" : "demo-city-council", priority });
            Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        }

        var west = await app.Client.GetJsonAsync("api/routing/explain?lat=-39.5&lon=100.5&category=pothole");
        var edge = await app.Client.GetJsonAsync("api/routing/explain?lat=-39.5&lon=101&category=pothole");
        var again = await app.Client.GetJsonAsync("api/routing/explain?lat=-39.5&lon=101&category=pothole");

        Assert.Equal(["Square w1"], west.GetProperty("areas").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal(2, edge.GetProperty("areas").GetArrayLength());
        // Same tier, priority and size: the lower rule id wins, every time.
        var candidates = edge.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("ruleId").GetInt32()).ToList();
        Assert.Equal(candidates.Order(), candidates);
        Assert.Equal(candidates[0], edge.GetProperty("ruleId").GetInt32());
        Assert.Equal(edge.GetProperty("ruleId").GetInt32(), again.GetProperty("ruleId").GetInt32());
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "point and line", """{"type":"FeatureCollection","features":[{"type":"Feature","id":"a","properties":{"name":"A"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},{"type":"Feature","id":"b","properties":{"name":"B"},"geometry":{"type":"Point","coordinates":[1,2]}},{"type":"Feature","id":"c","properties":{"name":"C"},"geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]}}]}""", "features[1]" },
        { "duplicate code", """{"type":"FeatureCollection","features":[{"type":"Feature","id":"a","properties":{"name":"A"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},{"type":"Feature","id":"a","properties":{"name":"A again"},"geometry":{"type":"Polygon","coordinates":[[[5,5],[6,5],[6,6],[5,5]]]}}]}""", "features[1]" },
        { "out of range", """{"type":"FeatureCollection","features":[{"type":"Feature","id":"a","properties":{"name":"A"},"geometry":{"type":"Polygon","coordinates":[[[170,0],[181,0],[181,1],[170,0]]]}}]}""", "features[0]" },
        { "empty polygon", """{"type":"FeatureCollection","features":[{"type":"Feature","id":"a","properties":{"name":"A"},"geometry":{"type":"Polygon","coordinates":[]}}]}""", "features[0]" },
        { "missing name", """{"type":"FeatureCollection","features":[{"type":"Feature","id":"a","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}""", "features[0]" },
        { "truncated", """{"type":"FeatureCollection","features":[{"type":"Feature","id":"a","properties":{"name":"A"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,""", "file" },
        { "not a collection", """{"type":"Feature","properties":{}}""", "file" },
        { "topology without the object", AdminRequests.SquaresTopoJson(0, 0, 1, "a").Replace("\"squares\"", "\"other\"", StringComparison.Ordinal) + " ", "file" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_naming_the_feature_and_nothing_is_saved(string why, string file, string field)
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminClientAsync();
        var kind = $"bad-{why.Replace(' ', '-')}";
        var query = why == "topology without the object" ? "&object=squares" : "";

        using var response = await admin.PostAsync($"api/admin/areas/import?kind={kind}&nameProperty=name&codeProperty=id{query}", Json(file));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{why}: {problem}");
        var areas = await admin.GetFromJsonAsync<JsonElement>($"api/admin/areas?kind={kind}");
        Assert.Equal(0, areas.GetArrayLength());
    }

    [Fact]
    public async Task A_self_intersecting_polygon_is_repaired_and_the_repair_reported()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminClientAsync();
        const string bowtie = """{"type":"FeatureCollection","features":[{"type":"Feature","id":"bow","properties":{"name":"Bowtie"},"geometry":{"type":"Polygon","coordinates":[[[-60,-60],[-58,-58],[-58,-60],[-60,-58],[-60,-60]]]}}]}""";

        using var response = await admin.PostAsync("api/admin/areas/import?kind=bowtie&nameProperty=name&codeProperty=id", Json(bowtie));

        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Self-intersection", result.GetProperty("repairs")[0].GetString(), StringComparison.OrdinalIgnoreCase);
        var inside = await app.Client.GetJsonAsync("api/routing/explain?lat=-59&lon=-59.8");
        Assert.Equal("Bowtie", inside.GetProperty("areas")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_413()
    {
        await using var app = await FixItApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["AdminImport:MaxFileBytes"] = "2000" });
        using var admin = await app.AdminClientAsync();
        var big = AdminRequests.SquaresTopoJson(0, 0, 1, [.. Enumerable.Range(0, 100).Select(i => $"s{i}")]);

        using var response = await admin.PostAsync("api/admin/areas/import?kind=big&nameProperty=name&codeProperty=id", Json(big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task The_outside_testers_TopoJSON_bomb_is_refused_with_413_at_the_file_field_on_import_and_preview(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await app.AdminClientAsync();
        var bomb = TopoJsonBomb.Build(5_000, 200_000);

        foreach (var path in new[] { "api/admin/areas/import", "api/admin/areas/import/preview" })
        {
            using var body = new ByteArrayContent(bomb);
            body.Headers.ContentType = new("application/json");
            using var response = await admin.PostAsync($"{path}?kind=bomb&nameProperty=name&codeProperty=code", body);

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("The file has more than the limit of 5,000,000 vertices (features 0 to 24 alone have 5,000,025).",
                problem.GetProperty("errors").GetProperty("file")[0].GetString());
        }

        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("api/admin/areas?kind=bomb")).GetArrayLength());
    }

    [Theory]
    [InlineData("""{"areaKind":"county","areaCode":"nowhere","operator":"demo-buses"}""", "areaCode")]
    [InlineData("""{"category":"no-such-category","operator":"demo-buses"}""", "category")]
    [InlineData("""{"operator":"no-such-operator"}""", "operator")]
    [InlineData("""{"operator":"demo-buses","activeFrom":"2027-01-01T00:00:00Z","activeTo":"2026-01-01T00:00:00Z"}""", "activeTo")]
    public async Task A_rule_naming_a_missing_area_category_or_operator_is_refused(string rule, string field)
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminClientAsync();

        using var response = await admin.PostAsync("api/admin/rules", Json(rule));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_rules_CSV_with_bad_lines_names_them_and_saves_none()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminClientAsync();
        var before = (await admin.GetFromJsonAsync<JsonElement>("api/admin/rules")).GetArrayLength();
        const string csv = "area_kind,area_code,category,operator,priority,active_from,active_to\n,,pothole,demo-buses,1,,\nward,W9,,demo-buses,1,,\n";

        using var response = await admin.PostAsync("api/admin/rules/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Line 3: there is no area of kind 'ward' with code 'W9'.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, (await admin.GetFromJsonAsync<JsonElement>("api/admin/rules")).GetArrayLength());
    }
}
