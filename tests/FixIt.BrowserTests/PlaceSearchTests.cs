using FixIt.BrowserTests.Infrastructure;
using FixIt.Domain.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FixIt.BrowserTests;

/// <summary>
/// The resident's journey by place name, with script (suggestions as you type, keyboard only) and without (a search
/// that lists places as links); the notice for a pin nobody covers; the category's extra questions.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlaceSearchTests(BrowserFixture browser)
{
    private async Task AddPlaceAsync(string name, double latitude, double longitude) =>
        await browser.App.WithDbAsync(async db =>
        {
            if (!await db.Places.AnyAsync(p => p.Name == name))
            {
                db.Places.Add(Place.Create(name, "street", null, latitude, longitude, 0, "browser-tests"));
                await db.SaveChangesAsync();
            }

            return 0;
        });

    [Fact]
    public async Task A_resident_finds_the_place_by_name_with_the_keyboard_and_the_report_says_near_it()
    {
        await AddPlaceAsync("Quenby Lane", 53.7812, -1.5911);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        await page.FillAsync("#place-search", "quenb");
        await Expect(page.Locator("#place-search-options [role=option]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#place-search")).ToHaveAttributeAsync("aria-expanded", "true");
        await page.VerifyAsync("place-search-suggestions");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("#place-search")).ToHaveAttributeAsync("aria-activedescendant", "place-option-0");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#lat")).ToHaveValueAsync("53.781200");
        await Expect(page.Locator("#lon")).ToHaveValueAsync("-1.591100");
        await Expect(page.Locator("#place-search-status")).ToHaveTextAsync("Pin placed at Quenby Lane.");
        await FillAsync(page, "Lamp out on Quenby Lane");
        await page.ClickAsync("button[type=submit].primary");

        await page.WaitForURLAsync("**/reports/*");
        await Expect(page.Locator("[data-testid=near-place]")).ToHaveTextAsync("near Quenby Lane");
        await page.VerifyAsync("place-search-report");
    }

    [Fact]
    public async Task Without_script_the_search_lists_places_whose_links_set_the_pin()
    {
        await AddPlaceAsync("Quorndale Street", 53.7821, -1.5922);
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.App.BaseAddress.ToString(), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.FillAsync("#place-search", "quornd");
        await page.ClickAsync(".place-search button[type=submit]");
        await Expect(page.Locator(".place-results")).ToContainTextAsync("Places matching “quornd”");
        await page.SaveScreenshotAsync("place-search-no-script");
        await page.ClickAsync(".place-results a:text('Quorndale Street')");

        await Expect(page.Locator("#lat")).ToHaveValueAsync("53.7821");
        await Expect(page.Locator("#lon")).ToHaveValueAsync("-1.5922");
        await FillAsync(page, "Lamp out on Quorndale Street");
        await page.ClickAsync("button[type=submit].primary");
        await page.WaitForURLAsync("**/reports/*");
        await Expect(page.Locator("[data-testid=near-place]")).ToHaveTextAsync("near Quorndale Street");
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_pin_where_nobody_is_responsible_is_said_at_once()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("#uncovered")).ToBeHiddenAsync();

        await page.FillAsync("#lat", "51.5074");
        await page.FillAsync("#lon", "-0.1278");
        await page.Locator("#lon").DispatchEventAsync("change");

        await Expect(page.Locator("#uncovered")).ToBeVisibleAsync();
        await Expect(page.Locator("#uncovered")).ToContainTextAsync("No organisation handles problems at this location yet");
        await page.VerifyAsync("uncovered-place");
        await page.FillAsync("#lat", "53.8");
        await page.FillAsync("#lon", "-1.55");
        await page.Locator("#lon").DispatchEventAsync("change");
        await Expect(page.Locator("#uncovered")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_chosen_category_asks_its_questions_and_a_required_one_must_be_answered()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/?lat=53.79&lon=-1.56");
        await Expect(page.Locator("text=How much has been dumped?")).ToBeHiddenAsync();

        await page.SelectOptionAsync("#category", "fly-tipping");
        await Expect(page.Locator("text=How much has been dumped?")).ToBeVisibleAsync();
        await page.FillAsync("#title", "Mattress on the verge");
        await page.FillAsync("#description", "Dumped overnight.");
        await page.FillAsync("#name", "Ada Resident");
        await page.FillAsync("#email", "ada@example.net");
        await page.ClickAsync("button[type=submit].primary");

        await Expect(page.Locator("#error-summary")).ToContainTextAsync("'size' (How much has been dumped?) is required.");
        await page.VerifyAsync("extra-question-missing");
        await page.CheckAsync("#attr-fly-tipping-size-car");
        await page.ClickAsync("button[type=submit].primary");
        await page.WaitForURLAsync("**/reports/*");
        await Expect(page.Locator("#report-title")).ToHaveTextAsync("Mattress on the verge");
    }

    [Theory]
    [InlineData("en", "Search")]
    [InlineData("cy", "Chwilio")]
    public async Task The_search_field_takes_the_row_on_a_phone_and_the_button_stays_usable(string language, string button)
    {
        foreach (var width in new[] { 375, 1280 })
        {
            var page = await browser.NewPageAsync(width, 1400);
            page.SetDefaultTimeout(60_000);
            await page.GotoAsync($"/language?lang={language}&returnUrl=%2F");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);

            var field = (await page.Locator("#place-search").BoundingBoxAsync())!;
            var search = (await page.Locator(".place-search-box button").BoundingBoxAsync())!;
            Assert.Equal(button, (await page.Locator(".place-search-box button").InnerTextAsync()).Trim());
            Assert.True(field.Width >= (width == 375 ? 300 : 400), $"{language} at {width} px: the search field is {field.Width} px wide");
            Assert.True(search.Width >= 44 && search.Height >= 44, $"{language} at {width} px: the button is {search.Width}×{search.Height} px");
            Assert.True(search.X + search.Width <= width && field.X + field.Width <= width, $"{language} at {width} px: the search box ends off screen");
            // Beside the field on a wide screen, under it on a phone; never on top of it.
            Assert.True(width == 375 ? search.Y >= field.Y + field.Height : Math.Abs(search.Y - field.Y) < search.Height,
                $"{language} at {width} px: field at {field.X},{field.Y}, button at {search.X},{search.Y}");
            var (scroll, inner) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
            Assert.True(scroll <= inner, $"{language} at {width} px: the home page is {scroll} px wide in a {inner} px window");
            await page.VerifyAsync($"place-search-box-{language}-{width}");
            await page.Context.CloseAsync();
        }
    }

    private static async Task FillAsync(IPage page, string title)
    {
        await page.SelectOptionAsync("#category", "street-lighting");
        await page.FillAsync("#title", title);
        await page.FillAsync("#description", "Out since Monday.");
        await page.FillAsync("#name", "Ada Resident");
        await page.FillAsync("#email", "ada@example.net");
    }
}
