using FixIt.Application.Common;
using FixIt.BrowserTests.Infrastructure;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FixIt.BrowserTests;

/// <summary>
/// The operator console in a real browser (issue 15 items 8–10): a resident's report arrives in the council's inbox, a member of
/// its staff writes a response template, answers the report with it (edited), and the public page changes. Every console page
/// is looked at (screenshots "operator-*", axe) at 1280 and 375 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OperatorConsoleTests(BrowserFixture browser)
{
    [Fact]
    public async Task Staff_answer_a_new_report_from_their_inbox_with_a_template_and_the_public_page_changes()
    {
        await using var app = await FixItApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Map:TileUrl"] = "" });
        var older = await app.SubmitAsync("Pothole outside the library", "pothole", 53.8005, -1.5480);
        await app.ConfirmAsync(older, DateTimeOffset.UtcNow.AddDays(-6));
        var lamp = await app.SubmitAsync("Lamp out on Park Row", "street-lighting", 53.7997, -1.5492);
        await app.ConfirmAsync(lamp);
        var staff = await app.CreateStaffAsync(StaffRoles.Operator, "demo-city-council");

        var page = await browser.NewPageAsync(app, 1280);
        await page.GotoAsync("/operator");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/sign-in"));
        await page.GetByLabel("Email").FillAsync(staff.Email);
        await page.GetByLabel("Password").FillAsync(staff.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // The report has arrived: the inbox lists it, newest first, and the older one as past its target.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("inbox-list").Locator("li").First).ToContainTextAsync("Lamp out on Park Row");
        await Expect(page.GetByTestId("inbox-list")).ToContainTextAsync("past target since");
        await page.VerifyAsync("operator-inbox-1280");
        await page.GetByRole(AriaRole.Link, new() { Name = "Show on a map" }).ClickAsync();
        await Expect(page.GetByTestId("inbox-map")).ToHaveAttributeAsync("data-loaded", "2");
        await page.VerifyAsync("operator-inbox-map-1280");

        // A template for "action scheduled".
        await page.GetByRole(AriaRole.Link, new() { Name = "Response templates" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the template" }).ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Give the template a name.");
        await page.VerifyAsync("operator-templates-errors-1280");
        await page.GetByLabel("Name (only staff see it)").FillAsync("Crew booked");
        await page.GetByLabel("For", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Action scheduled" });
        await page.GetByLabel("Text (published").FillAsync("A crew is booked to repair it.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the template" }).ClickAsync();
        await Expect(page.GetByTestId("templates")).ToContainTextAsync("Crew booked");
        await page.VerifyAsync("operator-templates-1280");

        // Answer the report with it: choosing fills the text and the status; the text is edited before publishing.
        await page.GetByRole(AriaRole.Link, new() { Name = "Inbox" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Lamp out on Park Row" }).ClickAsync();
        await page.GetByLabel("Start from a template").SelectOptionAsync(new SelectOptionValue { Label = "Crew booked (Action scheduled)" });
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Public note" })).ToHaveValueAsync("A crew is booked to repair it.");
        await Expect(page.GetByLabel("Set the status to Action scheduled")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Public note" }).FillAsync("A crew is booked to repair it on Tuesday.");
        await page.VerifyAsync("operator-report-1280");
        await page.GetByTestId("publish").ClickAsync();
        await Expect(page.GetByTestId("done")).ToContainTextAsync("Published");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("on Tuesday");

        var resident = await browser.NewPageAsync(app, 1280);
        await resident.GotoAsync($"/reports/{lamp}");
        await Expect(resident.Locator(".timeline")).ToContainTextAsync("A crew is booked to repair it on Tuesday.");
        await Expect(resident.Locator(".timeline li").Last).ToContainTextAsync("Demo City Council");
        await resident.Context.CloseAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Figures and export" }).ClickAsync();
        await Expect(page.GetByTestId("public-count")).ToHaveTextAsync("2");
        await page.VerifyAsync("operator-figures-1280");
        await page.Context.CloseAsync();

        // The same pages at 375 px, and the older report answered without script's help: "Use template" fills the text.
        var narrow = await browser.NewPageAsync(app, 375);
        await narrow.GotoAsync("/admin/sign-in?returnUrl=%2Foperator");
        await narrow.GetByLabel("Email").FillAsync(staff.Email);
        await narrow.GetByLabel("Password").FillAsync(staff.Password);
        await narrow.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(narrow.GetByTestId("inbox-count")).ToContainTextAsync("2 reports");
        await narrow.VerifyAsync("operator-inbox-375");
        await narrow.GotoAsync("/operator/demo-city-council?view=map&status=");
        await Expect(narrow.GetByTestId("inbox-map")).ToHaveAttributeAsync("data-loaded", "2");
        await narrow.VerifyAsync("operator-inbox-map-375");
        await narrow.GotoAsync($"/operator/demo-city-council/reports/{older}");
        await narrow.GetByLabel("Start from a template").SelectOptionAsync(new SelectOptionValue { Label = "Crew booked (Action scheduled)" });
        await narrow.GetByTestId("use-template").ClickAsync();
        await Expect(narrow.GetByRole(AriaRole.Textbox, new() { Name = "Public note" })).ToHaveValueAsync("A crew is booked to repair it.");
        await narrow.VerifyAsync("operator-report-375");
        await narrow.GotoAsync("/operator/demo-city-council/templates");
        await narrow.VerifyAsync("operator-templates-375");
        await narrow.GotoAsync("/operator/demo-city-council/figures");
        await narrow.VerifyAsync("operator-figures-375");
        await narrow.GotoAsync("/operator/demo-buses");
        await Expect(narrow.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await narrow.SaveScreenshotAsync("operator-not-allowed-375");
        await narrow.Context.CloseAsync();
    }
}
