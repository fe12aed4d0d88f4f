using System.Text.Json;
using FixIt.Domain.Reports;
using FixIt.Domain.Routing;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Reports;

/// <summary>
/// Export cells: numbers stay numbers (no formula guard, no quotes), text that a spreadsheet would run as a formula is
/// guarded, and a status is spelled the same in CSV, GeoJSON and the JSON API.
/// </summary>
public sealed class ExportCellsTests
{
    private const string Export = "operators/demo-city-council/reports";

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Numbers_are_numbers_formulas_are_guarded_and_status_reads_the_same_everywhere(DatabaseProvider provider)
    {
        await using var app = await FixItApp.StartAsync(provider);
        var id = await app.WithDbAsync(async db =>
        {
            var categoryId = await db.Categories.Where(c => c.Code == "pothole").Select(c => c.Id).SingleAsync();
            var operatorId = await db.Operators.Where(o => o.Slug == "demo-city-council").Select(o => o.Id).SingleAsync();
            var at = DateTimeOffset.UtcNow.AddMinutes(-10);
            var report = Report.Submit(
                new NewReport(categoryId, "=cmd calc", "+1 this is dangerous", 53.7997, -1.5492,
                    "Private Person", "private.person@example.org", null, false, EventSource.Web),
                new RoutingDecision(operatorId, null, "Demo City Council (test)", []), at);
            report.Confirm(EventSource.EmailLink, at.AddMinutes(1));
            report.ChangeStatus(ReportStatus.InProgress, ActorKind.Operator, "Demo City Council", EventSource.EmailLink, null, at.AddMinutes(2));
            db.Reports.Add(report);
            await db.SaveChangesAsync();
            return report.Id;
        });

        var api = (await app.Client.GetJsonAsync($"api/reports/{id}")).GetProperty("status").GetString();
        Assert.Equal("inProgress", api);

        var csv = await app.Client.GetStringAsync($"{Export}.csv");
        var line = csv.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.EndsWith($"/reports/{id}", StringComparison.Ordinal));
        Assert.StartsWith($"{id},\"'=cmd calc\",\"'+1 this is dangerous\",", line, StringComparison.Ordinal);
        Assert.Contains($",{api},53.7997,-1.5492,", line, StringComparison.Ordinal);
        Assert.DoesNotContain("'-1.5492", csv, StringComparison.Ordinal);

        var geo = JsonDocument.Parse(await app.Client.GetStringAsync($"{Export}.geojson")).RootElement;
        var feature = geo.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetInt32() == id);
        var lon = feature.GetProperty("geometry").GetProperty("coordinates")[0];
        Assert.Equal(JsonValueKind.Number, lon.ValueKind);
        Assert.Equal(-1.5492, lon.GetDouble());
        Assert.Equal(api, feature.GetProperty("properties").GetProperty("status").GetString());
    }
}
