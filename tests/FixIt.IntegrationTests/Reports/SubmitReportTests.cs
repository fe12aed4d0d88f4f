using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Reports;

[Collection(AppsCollection.Name)]
public sealed class SubmitReportTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Submit_returns_201_with_id_url_status_and_location(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var response = await app.Client.PostAsJsonAsync("api/reports", ReportRequests.Valid());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var id = body.GetProperty("id").GetInt32();
        Assert.Equal($"/api/reports/{id}", response.Headers.Location!.OriginalString);
        Assert.Matches($"^http://localhost:5080/reports/{id}/pending/[A-Za-z0-9_-]{{43}}$", body.GetProperty("url").GetString());
        Assert.Equal("unconfirmed", body.GetProperty("status").GetString());

        var stored = await app.WithDbAsync(db => db.Reports.SingleAsync(r => r.Id == id));
        Assert.Equal("Street light out on Park Row", stored.Title);
        Assert.Equal("ada.resident@example.net", stored.ReporterEmail);
        Assert.Equal(53.7997, stored.Latitude);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Public_view_has_the_report_its_routing_and_timeline(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var id = (await app.Client.SubmitAsync(ReportRequests.Valid("Flickering lamp"))).GetProperty("id").GetInt32();
        await app.ConfirmAsync(id);

        var view = await app.Client.GetJsonAsync($"api/reports/{id}");

        Assert.Equal(id, view.GetProperty("id").GetInt32());
        Assert.Equal("Flickering lamp", view.GetProperty("title").GetString());
        Assert.Equal("street-lighting", view.GetProperty("categoryCode").GetString());
        Assert.Equal("Street lighting", view.GetProperty("categoryName").GetString());
        Assert.Equal("open", view.GetProperty("status").GetString());
        Assert.Equal("open", view.GetProperty("statusType").GetString());
        Assert.Equal(-1.5492, view.GetProperty("longitude").GetDouble());
        Assert.Equal("Ada Resident", view.GetProperty("reporterName").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("sentAt").ValueKind);
        Assert.True(view.GetProperty("createdAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal("Demo City Council", view.GetProperty("operatorName").GetString());
        Assert.Contains("Demo City", view.GetProperty("routingExplanation").GetString(), StringComparison.Ordinal);
        var kinds = view.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["created", "routed", "statusChanged"], kinds);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Reporter_name_is_hidden_unless_they_chose_to_show_it(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var body = ReportRequests.Valid("Anonymous lamp");
        body["showName"] = false;
        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
        await app.ConfirmAsync(id);

        var view = await app.Client.GetJsonAsync($"api/reports/{id}");
        var page = await app.Client.GetStringAsync($"reports/{id}");

        Assert.Equal(JsonValueKind.Null, view.GetProperty("reporterName").ValueKind);
        Assert.DoesNotContain("Ada Resident", view.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Ada Resident", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Report_page_shows_title_category_status_description_location_and_timeline(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var submitted = await app.Client.SubmitAsync(ReportRequests.Valid("Lamp <b>out</b> on Park Row"));

        // Unconfirmed: shown to its submitter only, at the secret link the 201 gave.
        using var response = await app.Client.GetAsync(submitted.SecretPath());
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Lamp &lt;b&gt;out&lt;/b&gt; on Park Row", html, StringComparison.Ordinal);
        Assert.Contains("Street lighting", html, StringComparison.Ordinal);
        Assert.Contains("Awaiting confirmation", html, StringComparison.Ordinal);
        Assert.Contains("The light outside number 12 has been out for a week.", html, StringComparison.Ordinal);
        Assert.Contains("53.7997, -1.5492", html, StringComparison.Ordinal);
        Assert.Contains("by Ada Resident", html, StringComparison.Ordinal);
        Assert.Contains("class=\"timeline\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Unknown_report_is_a_404_problem_and_a_404_page(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);

        using var api = await app.Client.GetAsync("api/reports/987654");
        using var page = await app.Client.GetAsync("reports/987654");

        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("987654", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("no public report number 987654", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Categories_are_listed_with_code_name_group_and_description(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);

        var categories = await app.Client.GetJsonAsync("api/categories");

        var lighting = categories.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "street-lighting");
        Assert.Equal("Street lighting", lighting.GetProperty("name").GetString());
        Assert.Equal("Roads", lighting.GetProperty("group").GetString());
        Assert.False(string.IsNullOrEmpty(lighting.GetProperty("description").GetString()));
        Assert.Equal(4, lighting.EnumerateObject().Count());
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Health_endpoints_answer_when_the_database_is_reachable(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);

        using var live = await app.Client.GetAsync("health/live");
        using var ready = await app.Client.GetAsync("health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task OpenApi_document_describes_the_report_endpoints(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);

        var doc = await app.Client.GetJsonAsync("openapi/v1.json");
        using var docsPage = await app.Client.GetAsync("api/docs/");

        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/reports", out _));
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/reports/{id}", out _));
        Assert.Equal(HttpStatusCode.OK, docsPage.StatusCode);
    }

    internal static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
