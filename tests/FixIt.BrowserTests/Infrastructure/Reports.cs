using System.Net.Http.Json;
using System.Text.Json;
using FixIt.Domain.Reports;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.BrowserTests.Infrastructure;

/// <summary>Reports made through the JSON API, then moved on as the (separately tested) email links would.</summary>
public static class Reports
{
    public static async Task<int> SubmitAsync(this FixItApp app, string title, string category, double lat, double lon)
    {
        using var response = await app.Client.PostAsJsonAsync("api/reports", new Dictionary<string, object?>
        {
            ["categoryCode"] = category, ["title"] = title, ["description"] = "Seen on the way to work.",
            ["latitude"] = lat, ["longitude"] = lon, ["reporterName"] = "Test Resident",
            ["reporterEmail"] = "resident@example.net", ["showName"] = false,
        });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
    }

    /// <summary>What the confirmation link does; issue 4's email flow owns the link itself.</summary>
    public static Task ConfirmAsync(this FixItApp app, int id, DateTimeOffset? at = null) =>
        app.UpdateAsync(id, r => r.Confirm(EventSource.Web, at ?? DateTimeOffset.UtcNow));

    public static Task SetStatusAsync(this FixItApp app, int id, ReportStatus status, DateTimeOffset at) =>
        app.UpdateAsync(id, r => r.ChangeStatus(status, ActorKind.Operator, "Demo City Council", EventSource.EmailLink, "Thanks, noted.", at));

    private static Task<int> UpdateAsync(this FixItApp app, int id, Action<Report> change) =>
        app.WithDbAsync(async db =>
        {
            var report = await db.Reports.Include(r => r.Events).SingleAsync(r => r.Id == id);
            change(report);
            return await db.SaveChangesAsync();
        });
}
