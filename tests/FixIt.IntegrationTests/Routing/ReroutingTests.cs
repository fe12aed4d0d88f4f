using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Routing;

[Collection(AppsCollection.Name)]
public sealed class ReroutingTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Each_not_ours_moves_the_report_to_the_next_candidate_and_finally_to_the_unrouted_list(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await app.AdminClientAsync();
        var body = ReportRequests.Valid("Shelter glass smashed");
        body["categoryCode"] = "bus-shelter";
        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
        await app.ConfirmAsync(id);
        Assert.Equal("Demo Buses", (await app.Client.GetJsonAsync($"api/reports/{id}")).GetProperty("operatorName").GetString());

        var first = await DeclineAsync(admin, id, "demo-buses", "This shelter belongs to the council.");
        Assert.Equal("Demo City Council", first.GetProperty("operatorName").GetString());
        Assert.Contains("Demo City × any category", first.GetProperty("explanation").GetString(), StringComparison.Ordinal);

        var second = await DeclineAsync(admin, id, "demo-city-council", "Not a council shelter either.");
        Assert.Equal(JsonValueKind.Null, second.GetProperty("operatorId").ValueKind);

        var unrouted = await admin.GetFromJsonAsync<JsonElement>("api/admin/reports/unrouted");
        var listed = unrouted.EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id);
        Assert.Contains("declined", listed.GetProperty("routingExplanation").GetString(), StringComparison.Ordinal);
        var page = await app.Client.GetStringAsync($"reports/{id}");
        Assert.Contains("Not ours: This shelter belongs to the council.", page, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Reports.Include(r => r.Declines).SingleAsync(r => r.Id == id));
        Assert.Equal(2, stored.DeclinedOperators.Count);
        var declines = listed.GetProperty("declines").EnumerateArray()
            .Select(d => (d.GetProperty("operatorName").GetString(), d.GetProperty("reason").GetString())).ToList();
        Assert.Equal([("Demo Buses", "This shelter belongs to the council."), ("Demo City Council", "Not a council shelter either.")], declines);
        Assert.Contains(listed.GetProperty("areas").EnumerateArray(), a => a.GetProperty("name").GetString() == "Demo City");
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_report_no_rule_covers_is_kept_and_listed_as_unrouted(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await app.AdminClientAsync();
        var body = ReportRequests.Valid("Pothole in the middle of nowhere");
        (body["latitude"], body["longitude"]) = (-33.25, 17.125);
        var submitted = await app.Client.SubmitAsync(body);
        var id = submitted.GetProperty("id").GetInt32();

        var unrouted = await admin.GetFromJsonAsync<JsonElement>("api/admin/reports/unrouted");

        var listed = unrouted.EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id);
        Assert.Equal("street-lighting", listed.GetProperty("categoryCode").GetString());
        Assert.Contains("No routing rule covers this place", listed.GetProperty("routingExplanation").GetString(), StringComparison.Ordinal);
        var page = await app.Client.GetStringAsync(submitted.SecretPath());
        // The reporter's page says it in plain words (ADR 0128); the admin API keeps the technical form.
        Assert.Contains("No organisation has said it handles this kind of problem here yet; an administrator will decide who gets it.", page,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(90, 180)]
    [InlineData(-90, -180)]
    [InlineData(0, 180)]
    [InlineData(51.5, -180)]
    public async Task Reports_at_a_pole_or_on_the_antimeridian_are_accepted_and_kept(double latitude, double longitude)
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var body = ReportRequests.Valid("At the edge of the map");
        (body["latitude"], body["longitude"]) = (latitude, longitude);

        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();

        var stored = await app.WithDbAsync(db => db.Reports.SingleAsync(r => r.Id == id));
        Assert.Equal((latitude, longitude), (stored.Latitude, stored.Longitude));
        Assert.Null(stored.OperatorId);
    }

    [Fact]
    public async Task Declining_needs_a_reason_and_a_routed_report()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminClientAsync();
        var body = ReportRequests.Valid("Nobody's problem");
        (body["latitude"], body["longitude"]) = (-33.5, 17.5);
        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();

        using var noReason = await admin.PostAsJsonAsync($"api/admin/reports/{id}/decline", new { @operator = "demo-buses", reason = "" });
        using var unrouted = await admin.PostAsJsonAsync($"api/admin/reports/{id}/decline", new { @operator = "demo-buses", reason = "Not ours" });
        using var missing = await admin.PostAsJsonAsync("api/admin/reports/999999/decline", new { @operator = "demo-buses", reason = "Not ours" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, unrouted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static async Task<JsonElement> DeclineAsync(HttpClient admin, int id, string operatorSlug, string reason)
    {
        using var response = await admin.PostAsJsonAsync($"api/admin/reports/{id}/decline", new { @operator = operatorSlug, reason });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
