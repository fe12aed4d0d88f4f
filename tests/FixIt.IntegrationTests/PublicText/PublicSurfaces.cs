using System.Net;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.PublicText;

/// <summary>Every address where the public can read a report: its page, its JSON, Open311, the feeds, the exports, the maps.</summary>
public static class PublicSurfaces
{
    public static async Task<IReadOnlyList<string>> PathsShowingAsync(FixItApp app, int id)
    {
        var view = await app.Client.GetJsonAsync($"api/reports/{id}");
        var slug = view.GetProperty("operatorSlug").GetString();
        var areas = await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).SelectMany(r => r.Areas.Select(a => a.AreaId)).ToListAsync());
        var (lat, lon) = (view.GetProperty("latitude").GetDouble(), view.GetProperty("longitude").GetDouble());
        var box = FormattableString.Invariant($"{lon - 0.01},{lat - 0.01},{lon + 0.01},{lat + 0.01}");
        return
        [
            $"reports/{id}",
            $"api/reports/{id}",
            $"feeds/reports/{id}.atom",
            $"feeds/operators/{slug}.atom",
            .. areas.Select(a => $"feeds/areas/{a}.atom"),
            $"operators/{slug}",
            $"operators/{slug}/reports.csv",
            $"operators/{slug}/reports.geojson",
            "open311/v2/requests.json?extensions=true",
            "open311/v2/requests.xml?extensions=true",
            $"open311/v2/requests/{id}.json?extensions=true",
            $"open311/v2/requests/{id}.xml?extensions=true",
            $"api/reports?bbox={box}&status=all",
            FormattableString.Invariant($"api/reports/nearby?lat={lat}&lon={lon}"),
            "map",
            "",
        ];
    }

    /// <summary>GETs each path, asserting 200; returns (path, body).</summary>
    public static async Task<IReadOnlyList<(string Path, string Body)>> FetchAsync(FixItApp app, IEnumerable<string> paths)
    {
        var bodies = new List<(string, string)>();
        foreach (var path in paths)
        {
            using var response = await app.Client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /{path} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
            bodies.Add((path, body));
        }

        return bodies;
    }
}
