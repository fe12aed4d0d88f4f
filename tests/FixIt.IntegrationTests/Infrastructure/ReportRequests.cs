using System.Net.Http.Json;
using System.Text.Json;

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

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} failed: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
