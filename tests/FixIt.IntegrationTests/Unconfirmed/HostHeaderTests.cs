using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Open311;

namespace FixIt.IntegrationTests.Unconfirmed;

/// <summary>Every absolute URL FixIt gives out is built from Site:PublicBaseUrl, whatever Host header the caller sends.</summary>
public sealed class HostHeaderTests
{
    private const string PublicBaseUrl = "https://fixit.example.org";
    private const string EvilHost = "evil.example";

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_forged_host_header_is_never_reflected(DatabaseProvider provider)
    {
        var settings = new Dictionary<string, string?>(Open311Fixture.Settings) { ["Site:PublicBaseUrl"] = PublicBaseUrl };
        await using var app = await FixItApp.StartAsync(provider, settings);

        using var submit = new HttpRequestMessage(HttpMethod.Post, "api/reports") { Content = JsonContent.Create(ReportRequests.Valid("Host test")) };
        using var submitted = await SendAsync(app, submit, HttpStatusCode.Created);
        var body = await submitted.Content.ReadAsStringAsync();
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();
        Assert.StartsWith($"{PublicBaseUrl}/reports/{id}/pending/", JsonDocument.Parse(body).RootElement.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(EvilHost, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(EvilHost, submitted.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);

        using var open311Post = new HttpRequestMessage(HttpMethod.Post, "open311/v2/requests.json") { Content = new FormUrlEncodedContent(Open311Http.ValidForm()) };
        Assert.DoesNotContain(EvilHost, await (await SendAsync(app, open311Post, HttpStatusCode.OK)).Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        await app.UpdateAsync(id, r => r.Confirm(EventSource.EmailLink, DateTimeOffset.UtcNow));
        foreach (var path in new[]
        {
            $"api/reports/{id}", $"open311/v2/requests/{id}.json", $"open311/v2/requests/{id}.xml", "open311/v2/discovery.json",
            "open311/v2/requests.json", $"feeds/reports/{id}.atom", "operators/demo-city-council/reports.geojson",
            "api/reports?bbox=-1.60,53.77,-1.48,53.83&status=all&limit=1",
        })
        {
            using var get = await SendAsync(app, new HttpRequestMessage(HttpMethod.Get, path), HttpStatusCode.OK);
            Assert.DoesNotContain(EvilHost, await get.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        using var openApi = await SendAsync(app, new HttpRequestMessage(HttpMethod.Get, "openapi/v1.json"), HttpStatusCode.OK);
        var document = await openApi.Content.ReadAsStringAsync();
        Assert.DoesNotContain(EvilHost, document, StringComparison.OrdinalIgnoreCase);
        var servers = JsonDocument.Parse(document).RootElement.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()).ToList();
        Assert.Equal([PublicBaseUrl], servers);
    }

    private static async Task<HttpResponseMessage> SendAsync(FixItApp app, HttpRequestMessage request, HttpStatusCode expected)
    {
        request.Headers.Host = EvilHost;
        var response = await app.Client.SendAsync(request);
        Assert.True(response.StatusCode == expected,
            $"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
