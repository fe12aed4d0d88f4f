using System.Net;
using System.Text.Json;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Moderation;

namespace FixIt.IntegrationTests.OutsideFixes;

/// <summary>A page far past the end is empty, like any page past the end: the offset never wraps round to page 1.</summary>
[Collection(AppsCollection.Name)]
public sealed class PagingOverflowTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Open311_and_audit_pages_whose_offset_overflows_are_empty(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var moderator = await Moderator.CreateAsync(app);
        var id = (await app.Client.SubmitAsync(ReportRequests.Valid($"Lamp {Guid.NewGuid():N}"))).GetProperty("id").GetInt32();
        await app.ConfirmAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"api/admin/reports/{id}/hide", "Spam.")).Status);
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"api/admin/reports/{id}/unhide", "Not spam.")).Status);

        Assert.NotEqual(0, await RequestsAsync(app, "page=1&page_size=1000"));
        Assert.Equal(0, await RequestsAsync(app, "page=3000000&page_size=1000"));
        Assert.Equal(0, await RequestsAsync(app, "page=21474838&page_size=100"));
        Assert.Equal(0, await RequestsAsync(app, $"page={int.MaxValue}&page_size=1000"));

        var first = await moderator.Client.GetJsonAsync("api/admin/audit?page=1&pageSize=200");
        Assert.NotEqual(0, first.GetProperty("entries").GetArrayLength());
        foreach (var page in new[] { 99999999, 10737419, int.MaxValue })
        {
            var far = await moderator.Client.GetJsonAsync($"api/admin/audit?page={page}&pageSize=200");
            Assert.Equal(0, far.GetProperty("entries").GetArrayLength());
            Assert.Equal(page, far.GetProperty("page").GetInt32());
        }
    }

    private static async Task<int> RequestsAsync(FixItApp app, string query)
    {
        using var response = await app.Client.GetAsync($"open311/v2/requests.json?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetArrayLength();
    }
}
