using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;

namespace FixIt.IntegrationTests.Routing;

/// <summary>
/// A routing change is served by the writer's next request: the command's pipeline rebuilds the index once it has
/// committed. The refresher's poll is set to an hour here, so it cannot be what makes the change visible.
/// </summary>
public sealed class RoutingRefreshTests
{
    private static readonly Dictionary<string, string?> NoPoll = new() { ["Routing:PollSeconds"] = "3600" };

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_rule_created_or_deleted_through_the_api_routes_at_once_without_waiting_for_the_poll(DatabaseProvider provider)
    {
        await using var app = await FixItApp.StartAsync(provider, NoPoll);
        using var admin = await app.AdminClientAsync();
        const string explain = "api/routing/explain?lat=-33.9&lon=151.2&category=pothole";
        Assert.Equal(0, (await app.Client.GetJsonAsync(explain)).GetProperty("candidates").GetArrayLength());

        using var created = await admin.PostAsJsonAsync("api/admin/rules", new { category = "pothole", @operator = "demo-buses", priority = 7 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ruleId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var after = await app.Client.GetJsonAsync(explain);
        Assert.Equal(ruleId, after.GetProperty("ruleId").GetInt32());
        Assert.Equal("Demo Buses", after.GetProperty("candidates")[0].GetProperty("operatorName").GetString());

        using var deleted = await admin.DeleteAsync($"api/admin/rules/{ruleId}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0, (await app.Client.GetJsonAsync(explain)).GetProperty("candidates").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task An_imported_area_routes_at_once_without_waiting_for_the_poll(DatabaseProvider provider)
    {
        await using var app = await FixItApp.StartAsync(provider, NoPoll);
        using var admin = await app.AdminClientAsync();
        using var import = await admin.PostAsync("api/admin/areas/import?kind=refresh-square&nameProperty=name&codeProperty=id",
            new StringContent(AdminRequests.SquaresTopoJson(20, 10, 1, "r1"), System.Text.Encoding.UTF8, "application/json"));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());

        var inside = await app.Client.GetJsonAsync("api/routing/explain?lat=10.5&lon=20.5");

        Assert.Equal(["Square r1"], inside.GetProperty("areas").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
    }
}
