using System.Net;
using System.Text.RegularExpressions;
using FixIt.IntegrationTests.Reports;

namespace FixIt.IntegrationTests.Unconfirmed;

/// <summary>What a stranger sees of a report that awaits confirmation: nothing, on every public surface.</summary>
public static partial class UnconfirmedVisibility
{
    /// <summary>An id no report has: what a guessed id answers is compared with this.</summary>
    public const int MissingId = int.MaxValue;

    /// <summary>The report's own addresses: each must answer as for a report that does not exist.</summary>
    public static IEnumerable<string> OwnPaths(int id) =>
    [
        $"reports/{id}",
        $"api/reports/{id}",
        $"open311/v2/requests/{id}.json",
        $"open311/v2/requests/{id}.xml",
        $"feeds/reports/{id}.atom",
    ];

    /// <summary>Every public list, map, search, feed and export, and the report's own addresses.</summary>
    public static IEnumerable<string> Surfaces(int id) =>
    [
        .. PrivacyTests.PublicPaths(id),
        .. OwnPaths(id),
        "map?status=all",
        "api/reports?bbox=-1.60,53.77,-1.48,53.83&status=all&limit=1000",
        "open311/v2/requests.json",
        "open311/v2/requests.xml",
        "feeds/areas/1.atom",
        "operators/demo-buses",
        "operators/demo-city-council/reports.geojson",
    ];

    /// <summary>No surface names the report's title; its own addresses answer exactly as a missing report's do.</summary>
    public static async Task AssertNowhereAsync(HttpClient client, int id, string title)
    {
        foreach (var path in Surfaces(id))
        {
            using var response = await client.GetAsync(path);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(!text.Contains(title, StringComparison.Ordinal), $"GET {path} ({(int)response.StatusCode}) shows the unconfirmed report:\n{text}");
            Assert.True(IsOwn(path, id) || response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}\n{text}");
        }

        foreach (var path in OwnPaths(id))
        {
            await AssertSameAsMissingAsync(client, path, id);
        }
    }

    /// <summary>GET <paramref name="path"/> answers 404 with the very body a report that does not exist gets.</summary>
    public static async Task AssertSameAsMissingAsync(HttpClient client, string path, int id)
    {
        var missingPath = path.Replace($"/{id}", $"/{MissingId}", StringComparison.Ordinal);
        Assert.NotEqual(path, missingPath);
        using var response = await client.GetAsync(path);
        using var missing = await client.GetAsync(missingPath);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {path}: {(int)response.StatusCode}");
        var expected = Normalise(await missing.Content.ReadAsStringAsync()).Replace(MissingId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(expected, Normalise(await response.Content.ReadAsStringAsync()));
        Assert.Equal(missing.Content.Headers.ContentType?.ToString(), response.Content.Headers.ContentType?.ToString());
    }

    // The report's own address, in any format (…/5, …/5.json, …/5.atom?x=y): 404 for a stranger.
    private static bool IsOwn(string path, int id)
    {
        var route = path.Split('?')[0];
        return route.EndsWith($"/{id}", StringComparison.Ordinal) || route.Contains($"/{id}.", StringComparison.Ordinal);
    }

    // A problem's trace id differs per request; nothing else may.
    private static string Normalise(string body) => TraceId().Replace(body, "");

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();
}
