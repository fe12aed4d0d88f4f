using System.Net.Http.Json;
using System.Text.Json;
using FixIt.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Infrastructure;

/// <summary>Helpers for the JSON API as other software would call it.</summary>
public static class ReportRequests
{
    /// <summary>A valid report in the seeded Demo City, with every field filled in.</summary>
    public static Dictionary<string, object?> Valid(string title = "Street light out on Park Row") => new()
    {
        ["categoryCode"] = "street-lighting",
        ["title"] = title,
        ["description"] = "The light outside number 12 has been out for a week.",
        ["latitude"] = 53.7997,
        ["longitude"] = -1.5492,
        ["reporterName"] = "Ada Resident",
        ["reporterEmail"] = "ada.resident@example.net",
        ["reporterPhone"] = "+44 113 496 0000",
        ["showName"] = true,
    };

    public static async Task<JsonElement> SubmitAsync(this HttpClient client, Dictionary<string, object?> body)
    {
        using var response = await client.PostAsJsonAsync("api/reports", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Submit failed: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The path of the submitter's secret link, from a 201 body: the only address of a report until it is confirmed.</summary>
    public static string SecretPath(this JsonElement submitted) => new Uri(submitted.GetProperty("url").GetString()!).AbsolutePath.TrimStart('/');

    /// <summary>Confirms a report in the database, as its confirm link does, so that it is public.</summary>
    public static Task ConfirmAsync(this FixItApp app, int id) => app.WithDbAsync(async db =>
    {
        var report = await db.Reports.Include(r => r.Events).SingleAsync(r => r.Id == id);
        report.Confirm(EventSource.EmailLink, DateTimeOffset.UtcNow);
        return await db.SaveChangesAsync();
    });

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} failed: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
