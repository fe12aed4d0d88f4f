using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FixIt.BrowserTests.Infrastructure;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FixIt.BrowserTests;

/// <summary>Maps on the 180° meridian and at a pole: an app of its own, with an area whose pieces lie either side of the line.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AntimeridianMapTests(BrowserFixture browser)
{
    private const string Borough = """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Meridian Borough","id":"MB-1"},
         "geometry":{"type":"MultiPolygon","coordinates":[
           [[[179.2,60],[180,60],[180,61],[179.2,61],[179.2,60]]],
           [[[-180,60],[-179.3,60],[-179.3,61],[-180,61],[-180,60]]]]}}]}
        """;

    [Fact]
    public async Task A_map_opened_on_an_area_across_the_line_shows_the_pins_on_both_sides()
    {
        await using var app = await FixItApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Map:TileUrl"] = "" });
        using var admin = await app.AdminClientAsync();
        using (var import = await admin.PostAsync("api/admin/areas/import?kind=borough&nameProperty=name&codeProperty=id",
            new StringContent(Borough, Encoding.UTF8, "application/json")))
        {
            Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        }

        using (var saved = await admin.PutAsJsonAsync("api/admin/operators/meridian-borough",
            new { name = "Meridian Borough Council", kind = "council", contacts = new[] { new { email = "roads@meridian.example.net" } } }))
        {
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }

        using (var rule = await admin.PostAsJsonAsync("api/admin/rules", new { areaKind = "borough", areaCode = "MB-1", @operator = "meridian-borough" }))
        {
            Assert.True(rule.IsSuccessStatusCode, await rule.Content.ReadAsStringAsync());
        }

        var east = await app.SubmitAsync("Meridian: pothole east of the line", "pothole", 60.5, 179.6);
        var west = await app.SubmitAsync("Meridian: pothole west of the line", "pothole", 60.4, -179.6);
        await app.ConfirmAsync(east);
        await app.ConfirmAsync(west);
        var areaId = (await admin.GetFromJsonAsync<JsonElement>("api/admin/areas?kind=borough"))[0].GetProperty("id").GetInt32();

        var page = await browser.NewPageAsync(app);
        await page.GotoAsync($"/map?area={areaId}");
        await Expect(page.Locator("#problems-map[data-loaded='2']")).ToHaveCountAsync(1);
        await Expect(page.Locator($"#map-list li[data-id='{east}']")).ToHaveCountAsync(1);
        await Expect(page.Locator($"#map-list li[data-id='{west}']")).ToHaveCountAsync(1);
        await AssertPinsInsideAsync(page, "#problems-map", 2);
        await page.VerifyAsync("map-across-the-line");

        await page.GotoAsync("/operators/meridian-borough");
        await Expect(page.Locator("#operator-map[data-loaded='2']")).ToHaveCountAsync(1);
        await AssertPinsInsideAsync(page, "#operator-map", 2);
        await page.VerifyAsync("operator-across-the-line");
    }

    [Theory]
    [InlineData(90, 180)]
    [InlineData(-90, -180)]
    public async Task The_report_page_shows_a_pin_at_a_pole_on_the_line(double lat, double lon)
    {
        var id = await browser.App.SubmitAsync($"Meridian: at {lat}, {lon}", "graffiti", lat, lon);
        await browser.App.ConfirmAsync(id);

        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/reports/{id}");
        await AssertPinsInsideAsync(page, "#report-map", 1);
        Assert.Empty(PageChecks.ErrorsOf(page));
    }

    /// <summary>Exactly this many pins drawn, each inside the map's box (a pin a world away is drawn off the map, or not at all).</summary>
    private static async Task AssertPinsInsideAsync(IPage page, string map, int count)
    {
        var pins = page.Locator($"{map} .pin");
        await Expect(pins).ToHaveCountAsync(count);
        var frame = (await page.Locator(map).BoundingBoxAsync())!;
        foreach (var pin in await pins.AllAsync())
        {
            var box = (await pin.BoundingBoxAsync())!;
            var (x, y) = (box.X + (box.Width / 2), box.Y + (box.Height / 2));
            Assert.True(x >= frame.X && x <= frame.X + frame.Width && y >= frame.Y && y <= frame.Y + frame.Height,
                $"{map}: pin at ({x}, {y}) outside the map ({frame.X}, {frame.Y}, {frame.Width} × {frame.Height})");
        }
    }
}
