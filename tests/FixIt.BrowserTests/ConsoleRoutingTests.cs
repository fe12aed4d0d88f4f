using System.Text;
using FixIt.Application.Common;
using FixIt.BrowserTests.Infrastructure;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FixIt.BrowserTests;

/// <summary>
/// The administrators' routing pages in a browser: upload a TopoJSON boundary file, add a rule for one of its areas, dry-run
/// it, and see the unrouted queue; axe-core and a screenshot at 1280 and 375 px on every page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleRoutingTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_uploads_a_TopoJSON_boundary_adds_a_rule_and_dry_runs_it()
    {
        await using var app = await FixItApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Map:TileUrl"] = "" });
        var admin = await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true);
        var stray = await app.SubmitAsync("Pothole past the last boundary", "pothole", -33.25, 17.125);
        await app.ConfirmAsync(stray);

        var page = await SignInAsync(app, admin, 1280);
        await page.GotoAsync("/admin/areas");
        await page.VerifyAsync("areas-list-1280");
        await page.Locator("#file").SetInputFilesAsync(new FilePayload
        {
            Name = "districts.topojson", MimeType = "application/json",
            Buffer = Encoding.UTF8.GetBytes(AdminRequests.SquaresTopoJson(10, 45, 1, "n1", "n2")),
        });
        await page.GetByLabel("Kind of area").FillAsync("district");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }).ClickAsync();
        await Expect(page.GetByTestId("preview-summary")).ToHaveTextAsync("2 to add, 0 to replace, 0 repaired, 0 rejected.");
        await Expect(page.GetByLabel("Code property")).ToHaveValueAsync("id");
        await page.VerifyAsync("areas-preview-1280");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 2 areas" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("2 areas added, 0 replaced.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Square n1" }).ClickAsync();
        await Expect(page.Locator("#area-map[data-drawn=true]")).ToBeVisibleAsync();
        await page.VerifyAsync("areas-area-1280");

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a rule for this area" }).ClickAsync();
        await Expect(page.GetByLabel("Area code")).ToHaveValueAsync("n1");
        // The rules page has a filter form too: the add form is its own region.
        var add = page.GetByRole(AriaRole.Region, new() { Name = "Add a rule" });
        await add.GetByLabel("Category", new() { Exact = true }).SelectOptionAsync("pothole");
        await add.GetByLabel("Operator", new() { Exact = true }).SelectOptionAsync("demo-buses");
        await add.GetByLabel("Priority").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the rule" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToContainTextAsync("added.");
        await page.VerifyAsync("rules-table-1280");
        var ruleId = (await page.GetByTestId("done").TextContentAsync())!.Split(' ')[1];

        await page.GotoAsync("/admin/rules/dry-run");
        // A click on the map chooses the point; the typed numbers are what is sent.
        await page.Locator("#dry-run-map").ClickAsync();
        await Expect(page.GetByLabel("Latitude")).Not.ToHaveValueAsync("");
        await page.GetByLabel("Latitude").FillAsync("45.5");
        await page.GetByLabel("Longitude").FillAsync("10.5");
        await page.GetByLabel("Category of the report").SelectOptionAsync("pothole");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync();
        await Expect(page.GetByTestId("areas")).ToContainTextAsync("Square n1");
        await Expect(page.GetByTestId("before")).ToContainTextAsync($"rule {ruleId}: Square n1 × Potholes → Demo Buses");
        await page.VerifyAsync("rules-dry-run-1280");
        await page.GetByLabel("Try").SelectOptionAsync($"retire-{ruleId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync();
        await Expect(page.GetByTestId("verdict")).ToHaveTextAsync("The change moves this report: Demo Buses → nobody (unrouted).");
        await page.VerifyAsync("rules-dry-run-change-1280");

        await page.GotoAsync("/admin/unrouted");
        await Expect(page.GetByTestId("unrouted")).ToContainTextAsync("Pothole past the last boundary");
        await Expect(page.Locator("#points-map[data-drawn='1']")).ToBeVisibleAsync();
        await page.VerifyAsync("unrouted-1280");
        await page.Context.CloseAsync();

        // The same pages on a phone.
        var phone = await SignInAsync(app, admin, 375);
        foreach (var (path, name) in new[]
        {
            ("/admin/areas", "areas-list-375"), ($"/admin/rules#rule-{ruleId}", "rules-table-375"),
            ("/admin/rules/dry-run?lat=45.5&lon=10.5&reportCategory=pothole&change=retire-" + ruleId, "rules-dry-run-375"),
            ("/admin/unrouted", "unrouted-375"),
        })
        {
            await phone.GotoAsync(path);
            // On failure, name the elements that stick out, so the fix is obvious.
            var wide = await phone.EvaluateAsync<string>("""
                document.documentElement.scrollWidth <= 375 ? '' : [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > 376 && !e.closest('.table-scroll'))
                    .slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')
                """);
            Assert.True(wide.Length == 0, $"{path} is wider than the phone: {wide}");
            await phone.VerifyAsync(name);
        }

        await phone.GotoAsync("/admin/areas?q=n1");
        await phone.GetByRole(AriaRole.Link, new() { Name = "Square n1" }).ClickAsync();
        await Expect(phone.Locator("#area-map[data-drawn=true]")).ToBeVisibleAsync();
        await phone.VerifyAsync("areas-area-375");
    }

    private async Task<IPage> SignInAsync(FixItApp app, StaffLogin admin, int width)
    {
        var page = await browser.NewPageAsync(app, width);
        await page.GotoAsync("/admin/sign-in");
        await page.GetByLabel("Email").FillAsync(admin.Email);
        await page.GetByLabel("Password").FillAsync(admin.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Code").FillAsync(Totp.NextCode(admin.AuthenticatorKey!));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/account$"));
        return page;
    }
}
