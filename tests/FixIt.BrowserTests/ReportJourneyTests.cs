using System.Text.RegularExpressions;
using FixIt.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FixIt.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class ReportJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Resident_places_the_pin_on_the_map_reports_and_finds_the_report_on_the_map_and_its_page()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.VerifyAsync("home");

        // Near the middle of the map: the demo city, with no tiles under it.
        await page.Locator("#report-map").ClickAsync(new LocatorClickOptions { Position = new Position { X = 280, Y = 200 } });
        await Expect(page.Locator("#lat")).Not.ToHaveValueAsync("");
        await Expect(page.Locator("#report-map .leaflet-marker-icon")).ToBeVisibleAsync();
        await Expect(page.Locator("#category option[value=pothole]")).ToHaveCountAsync(1);
        await page.SelectOptionAsync("#category", "pothole");
        await page.FillAsync("#title", "Deep pothole by the bus stop");
        await page.FillAsync("#description", "About 20 cm across, filled with water.");
        await page.FillAsync("#name", "Grace Resident");
        await page.FillAsync("#email", "grace@example.net");
        await page.CheckAsync("#showName");
        await page.SaveScreenshotAsync("home-filled");
        await page.ClickAsync("button[type=submit].primary");

        await page.WaitForURLAsync(ReportUrl());
        await Expect(page.Locator("#report-title")).ToHaveTextAsync("Deep pothole by the bus stop");
        await Expect(page.GetByText("Thank you. Your report is saved")).ToBeVisibleAsync();
        await Expect(page.Locator("#report-map .pin")).ToBeVisibleAsync();
        await page.VerifyAsync("report-submitted");
        var id = int.Parse(ReportUrl().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        // Only this browser sees it before confirmation: another one gets the page of a report that does not exist.
        var stranger = await browser.Browser.NewContextAsync(new() { BaseURL = browser.App.BaseAddress.ToString() });
        var strangerPage = await stranger.NewPageAsync();
        var response = await strangerPage.GotoAsync($"/reports/{id}");
        Assert.Equal(404, response!.Status);
        await Expect(strangerPage.GetByText($"There is no public report number {id}.")).ToBeVisibleAsync();
        await stranger.CloseAsync();

        // Unconfirmed reports stay off the map until the reporter confirms by email.
        await page.GotoAsync("/map");
        await Expect(page.Locator("#problems-map[data-loaded]")).ToHaveCountAsync(1);
        await Expect(page.Locator($"#map-list li[data-id='{id}']")).ToHaveCountAsync(0);

        await browser.App.ConfirmAsync(id);
        await page.GotoAsync("/map");
        await Expect(page.Locator($"#map-list li[data-id='{id}'] a")).ToHaveTextAsync("Deep pothole by the bus stop");
        await Expect(page.Locator("#problems-map .pin, #problems-map .marker-cluster").First).ToBeVisibleAsync();
        await page.VerifyAsync("map");

        await page.ClickAsync($"#map-list li[data-id='{id}'] a");
        await page.WaitForURLAsync(ReportUrl());
        await Expect(page.Locator("[data-testid=status]")).ToHaveTextAsync("Open");
        await Expect(page.Locator(".facts")).ToContainTextAsync("by Grace Resident");
        await Expect(page.Locator(".facts")).ToContainTextAsync("Demo City Council");
        await page.VerifyAsync("report-confirmed");
    }

    [Fact]
    public async Task The_form_is_usable_on_a_phone()
    {
        var page = await browser.NewPageAsync(390, 844);
        await page.GotoAsync("/?lat=53.8001&lon=-1.5502");
        await Expect(page.Locator("#lat")).ToHaveValueAsync("53.800100");
        await Expect(page.Locator("#report-map .leaflet-marker-icon")).ToBeVisibleAsync();
        var box = await page.Locator("#title").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, "The title field fits the phone's width.");
        await page.VerifyAsync("home-phone");
    }

    [GeneratedRegex(@"/reports/(\d+)")]
    private static partial Regex ReportUrl();
}
