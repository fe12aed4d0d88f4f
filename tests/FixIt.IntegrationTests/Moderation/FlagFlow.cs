using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Moderation;

/// <summary>The steps the flag tests share: a public report with an update, a flag as a browser sends it, the queue as the API lists it.</summary>
internal static class FlagFlow
{
    public static async Task<int> PublicReportAsync(FixItApp app)
    {
        var id = (await app.Client.SubmitAsync(ReportRequests.Valid($"Lamp out {Guid.NewGuid():N}"))).GetProperty("id").GetInt32();
        await app.ConfirmAsync(id);
        return id;
    }

    /// <summary>The id of one of the report's public timeline events.</summary>
    public static Task<long> PublicUpdateAsync(FixItApp app, int reportId) =>
        app.WithDbAsync(db => db.ReportEvents.Where(e => e.ReportId == reportId && e.IsPublic).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());

    /// <summary>The flag form as a browser fills it in: 200 and the thank-you page.</summary>
    public static async Task FlagAsync(HttpClient client, int reportId, long? updateId, string reason, string? details = null)
    {
        var path = updateId is { } u ? $"reports/{reportId}/updates/{u}/flag" : $"reports/{reportId}/flag";
        using var response = await client.SubmitFormAsync(path, path, ("reason", reason), ("details", details ?? ""));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {path}: {(int)response.StatusCode}\n{html}");
        Assert.Contains("Thank you", html, StringComparison.Ordinal);
    }

    public static async Task<JsonElement> QueueAsync(HttpClient staff)
    {
        using var response = await staff.GetAsync("api/admin/flags?limit=500");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static JsonElement Item(JsonElement queue, int reportId, long? updateId) =>
        Assert.Single(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("reportId").GetInt32() == reportId
            && (updateId is { } u ? i.GetProperty("updateId").ValueKind == JsonValueKind.Number && i.GetProperty("updateId").GetInt64() == u
                : i.GetProperty("updateId").ValueKind == JsonValueKind.Null));
}
