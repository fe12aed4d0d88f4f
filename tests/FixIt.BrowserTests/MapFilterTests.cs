using FixIt.BrowserTests.Infrastructure;
using FixIt.Domain.Reports;
using static Microsoft.Playwright.Assertions;

namespace FixIt.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class MapFilterTests(BrowserFixture browser)
{
    [Fact]
    public async Task Filters_on_the_map_change_the_pins_and_the_list()
    {
        var app = browser.App;
        var pothole = await app.SubmitAsync("Filter test: pothole on Briggate", "pothole", 53.7990, -1.5430);
        var graffiti = await app.SubmitAsync("Filter test: graffiti on the bridge", "graffiti", 53.8010, -1.5560);
        var fixedOne = await app.SubmitAsync("Filter test: fixed light", "street-lighting", 53.8005, -1.5500);
        foreach (var id in new[] { pothole, graffiti, fixedOne })
        {
            await app.ConfirmAsync(id);
        }

        await app.SetStatusAsync(fixedOne, ReportStatus.Fixed, DateTimeOffset.UtcNow);

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/map");
        await Expect(page.Locator("#problems-map[data-loaded]")).ToHaveCountAsync(1);
        Assert.True(await page.Locator($"#map-list li[data-id='{fixedOne}']").CountAsync() == 0,
            $"fixed {fixedOne}: " + await page.InnerHTMLAsync("#map-list") + await app.Client.GetStringAsync("api/reports?bbox=-1.6,53.77,-1.48,53.83"));
        await Expect(page.Locator($"#map-list li[data-id='{pothole}']")).ToHaveCountAsync(1);
        await Expect(page.Locator($"#map-list li[data-id='{graffiti}']")).ToHaveCountAsync(1);
        await Expect(page.Locator($"#map-list li[data-id='{fixedOne}']")).ToHaveCountAsync(0);

        await page.SelectOptionAsync("#f-category", "graffiti");
        await Expect(page.Locator($"#map-list li[data-id='{pothole}']")).ToHaveCountAsync(0);
        await Expect(page.Locator($"#map-list li[data-id='{graffiti}']")).ToHaveCountAsync(1);
        Assert.Contains("category=graffiti", page.Url, StringComparison.Ordinal);
        await page.VerifyAsync("map-filtered-category");

        await page.SelectOptionAsync("#f-category", "");
        await page.SelectOptionAsync("#f-status", "fixed");
        await Expect(page.Locator($"#map-list li[data-id='{fixedOne}']")).ToHaveCountAsync(1);
        await Expect(page.Locator($"#map-list li[data-id='{pothole}']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#problems-map .pin-fixed").First).ToBeVisibleAsync();
        await page.VerifyAsync("map-filtered-fixed");
    }

    [Fact]
    public async Task Filters_work_without_script_as_a_plain_form()
    {
        var app = browser.App;
        var graffiti = await app.SubmitAsync("No-script filter: graffiti", "graffiti", 53.8020, -1.5400);
        var pothole = await app.SubmitAsync("No-script filter: pothole", "pothole", 53.8021, -1.5401);
        await app.ConfirmAsync(graffiti);
        await app.ConfirmAsync(pothole);

        var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/map");
        await page.SelectOptionAsync("#f-category", "pothole");
        await page.ClickAsync("form.filters button[type=submit]");
        await Expect(page.Locator($"#map-list li[data-id='{pothole}']")).ToHaveCountAsync(1);
        await Expect(page.Locator($"#map-list li[data-id='{graffiti}']")).ToHaveCountAsync(0);
        await context.CloseAsync();
    }
}
