using FixIt.BrowserTests.Infrastructure;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FixIt.BrowserTests;

/// <summary>An app of its own, so the figures are exactly those of the reports made here.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OperatorPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Operator_page_and_league_table_show_its_figures()
    {
        await using var app = await FixItApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Map:TileUrl"] = "" });
        var published = DateTimeOffset.UtcNow.AddDays(-10);
        var quick = await app.SubmitAsync("Answered in a day", "street-lighting", 53.800, -1.550);
        var slow = await app.SubmitAsync("Answered in five days", "pothole", 53.801, -1.551);
        var waiting = await app.SubmitAsync("Never answered", "pothole", 53.802, -1.552);
        var mended = await app.SubmitAsync("Fixed in two days", "graffiti", 53.803, -1.553);
        await app.SubmitAsync("Not yet confirmed", "graffiti", 53.804, -1.554);
        foreach (var id in new[] { quick, slow, waiting, mended })
        {
            await app.ConfirmAsync(id, published);
        }

        await app.SetStatusAsync(quick, ReportStatus.Acknowledged, published.AddDays(1));
        await app.SetStatusAsync(slow, ReportStatus.InProgress, published.AddDays(5));
        await app.SetStatusAsync(mended, ReportStatus.Fixed, published.AddDays(2));

        var page = await browser.NewPageAsync(app);
        await page.GotoAsync("/operators/demo-city-council");
        await Expect(page.Locator("#operator-map[data-loaded]")).ToHaveCountAsync(1);
        await page.SaveScreenshotAsync("operator");
        Assert.Empty(PageChecks.ErrorsOf(page));
        // Four public reports (the unconfirmed one is not counted), three open, answered in 1, 2 and 5 days
        // against a 3-day target with one still waiting past it: 2 of 4 within target, median 2 days.
        await Expect(page.Locator("[data-testid=public-count]")).ToHaveTextAsync("4");
        await Expect(page.Locator("[data-testid=open-count]")).ToHaveTextAsync("3");
        await Expect(page.Locator("[data-testid=share]")).ToHaveTextAsync("50%");
        await Expect(page.Locator("[data-testid=median-ack]")).ToHaveTextAsync("2 days");
        await Expect(page.Locator("[data-testid=median-fix]")).ToHaveTextAsync("2 days");
        await Expect(page.Locator("#oldest-list li").First).ToBeVisibleAsync();
        await Expect(page.Locator("#open-list li")).ToHaveCountAsync(3);
        await Expect(page.Locator("#operator-map path.leaflet-interactive").First).ToBeVisibleAsync();
        await Expect(page.Locator("#operator-map[data-loaded='3']")).ToHaveCountAsync(1);
        await page.VerifyAsync("operator");

        await page.GotoAsync("/operators");
        var row = page.Locator("table.league tbody tr", new() { HasText = "Demo City Council" });
        await Expect(row).ToContainTextAsync("50%");
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("3");
        await page.VerifyAsync("operators");

        var csv = await app.Client.GetStringAsync("operators/demo-city-council/reports.csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,title,detail,category,created,confirmed,acknowledged,fixed,closed,status,latitude,longitude,area,url", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.DoesNotContain("resident@example.net", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Test Resident", csv, StringComparison.Ordinal);
        Assert.Contains(",Demo City,", lines[1], StringComparison.Ordinal);
    }
}
