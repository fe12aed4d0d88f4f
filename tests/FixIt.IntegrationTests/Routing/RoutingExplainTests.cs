using System.Net;
using System.Text.Json;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;

namespace FixIt.IntegrationTests.Routing;

[Collection(AppsCollection.Name)]
public sealed class RoutingExplainTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Explain_lists_the_containing_area_and_the_candidates_most_specific_first(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);

        var result = await app.Client.GetJsonAsync("api/routing/explain?lat=53.7997&lon=-1.5492&category=bus-shelter");

        Assert.Equal(["Demo City"], result.GetProperty("areas").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        var candidates = result.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(["Demo Buses", "Demo City Council"], candidates.Select(c => c.GetProperty("operatorName").GetString()));
        Assert.Equal([0, 1], candidates.Select(c => c.GetProperty("tier").GetInt32()));
        Assert.Contains("Demo City × Bus shelters → Demo Buses", candidates[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(candidates[0].GetProperty("reason").GetString(), result.GetProperty("explanation").GetString());
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Explain_without_a_category_lists_the_rules_of_every_category(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);

        var result = await app.Client.GetJsonAsync("api/routing/explain?lat=53.7997&lon=-1.5492");

        Assert.Equal(2, result.GetProperty("candidates").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Explain_far_from_every_area_finds_no_area_and_no_candidate(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);

        var result = await app.Client.GetJsonAsync("api/routing/explain?lat=-45.5&lon=-120.25&category=pothole");

        Assert.Equal(0, result.GetProperty("areas").GetArrayLength());
        Assert.Equal(0, result.GetProperty("candidates").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("operatorId").ValueKind);
        Assert.Contains("No routing rule", result.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lat=91&lon=0", "latitude")]
    [InlineData("lat=-90.5&lon=0", "latitude")]
    [InlineData("lat=10&lon=180.01", "longitude")]
    [InlineData("lon=10", "latitude")]
    [InlineData("lat=10", "longitude")]
    [InlineData("lat=NaN&lon=3", "latitude")]
    [InlineData("lat=abc&lon=3", "latitude")]
    [InlineData("lat=10&lon=3&category=no-such-thing", "category")]
    public async Task Explain_with_an_invalid_point_or_category_is_400_naming_the_field(string query, string field)
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);

        using var response = await app.Client.GetAsync($"api/routing/explain?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"No error for {field}: {problem}");
    }
}
