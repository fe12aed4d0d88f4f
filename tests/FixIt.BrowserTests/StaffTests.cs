using FixIt.Application.Common;
using FixIt.BrowserTests.Infrastructure;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FixIt.BrowserTests;

/// <summary>Staff in a real browser: an admin signs in with a password and a TOTP code; operator staff answer their own report and are refused on another's.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_signs_in_with_a_password_and_a_TOTP_code()
    {
        await using var app = await FixItApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Map:TileUrl"] = "" });
        var admin = await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true);
        var newcomer = await app.CreateStaffAsync(StaffRoles.Admin);

        foreach (var width in new[] { 1280, 375 })
        {
            var page = await browser.NewPageAsync(app, width);
            await page.GotoAsync("/admin/staff");
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/sign-in"));
            await page.VerifyAsync($"staff-sign-in-{width}");
            await page.GetByLabel("Email").FillAsync(admin.Email);
            await page.GetByLabel("Password").FillAsync(admin.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor sign-in" })).ToBeVisibleAsync();
            await page.VerifyAsync($"staff-two-factor-{width}");
            await page.GetByLabel("Code").FillAsync(Totp.NextCode(admin.AuthenticatorKey!));
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Staff accounts" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("staff-list")).ToContainTextAsync(newcomer.Email);
            await page.VerifyAsync($"staff-list-{width}");
            await page.GotoAsync("/admin/account");
            await Expect(page.GetByTestId("two-factor")).ToContainTextAsync("On");
            await page.VerifyAsync($"staff-account-{width}");
            await page.Context.CloseAsync();
        }

        // An admin without an authenticator lands on the enrolment page, whose QR code is an image served inline.
        var enrol = await browser.NewPageAsync(app);
        await enrol.GotoAsync("/admin/sign-in");
        await enrol.GetByLabel("Email").FillAsync(newcomer.Email);
        await enrol.GetByLabel("Password").FillAsync(newcomer.Password);
        await enrol.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await enrol.GotoAsync("/admin/mail");
        await Expect(enrol.GetByRole(AriaRole.Heading, new() { Name = "Set up two-factor sign-in" })).ToBeVisibleAsync();
        Assert.True(await enrol.GetByTestId("qr-code").EvaluateAsync<int>("img => img.naturalWidth") > 100);
        await enrol.VerifyAsync("staff-enrol");
        var key = (await enrol.GetByTestId("authenticator-key").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal);
        await enrol.GetByLabel("Code from the app").FillAsync(Totp.NextCode(key));
        await enrol.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Expect(enrol.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await enrol.VerifyAsync("staff-recovery-codes");
    }

    [Fact]
    public async Task Operator_staff_mark_their_report_fixed_and_are_refused_on_another_operators()
    {
        await using var app = await FixItApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Map:TileUrl"] = "" });
        var lamp = await app.SubmitAsync("Lamp out on Park Row", "street-lighting", 53.7997, -1.5492);
        var shelter = await app.SubmitAsync("Shelter glass broken", "bus-shelter", 53.7998, -1.5493);
        await app.ConfirmAsync(lamp);
        await app.ConfirmAsync(shelter);
        var staff = await app.CreateStaffAsync(StaffRoles.Operator, "demo-city-council");

        foreach (var width in new[] { 375, 1280 })
        {
            var page = await browser.NewPageAsync(app, width);
            await page.GotoAsync("/admin/sign-in");
            await page.GetByLabel("Email").FillAsync(staff.Email);
            await page.GetByLabel("Password").FillAsync(staff.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page.GetByTestId("role")).ToHaveTextAsync("operator for demo-city-council");

            // Another operator's report: no panel, and a form pointed at it anyway is refused by the server.
            await page.GotoAsync($"/reports/{shelter}");
            await Expect(page.GetByTestId("staff-panel")).ToHaveCountAsync(0);
            await page.GotoAsync($"/reports/{lamp}");
            await Expect(page.GetByTestId("staff-panel")).ToBeVisibleAsync();
            await page.VerifyAsync($"staff-panel-{width}");
            if (width != 1280)
            {
                await page.Context.CloseAsync();
                continue;
            }

            await page.Locator("form[action$='/staff-response']").EvaluateAsync("(form, action) => form.action = action", $"/reports/{shelter}/staff-response");
            await page.GetByLabel("Set the status to Fixed").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
            await page.SaveScreenshotAsync("staff-panel-refused");

            await page.GotoAsync($"/reports/{lamp}");
            await page.GetByLabel("Set the status to Fixed").CheckAsync();
            await page.Locator("#staff-text").FillAsync("New lamp fitted this morning.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
            await Expect(page.Locator(".timeline")).ToContainTextAsync("New lamp fitted this morning.");
            await Expect(page.Locator(".timeline li").Last).ToContainTextAsync("Demo City Council");
            await page.VerifyAsync("staff-panel-after");

            await page.GotoAsync($"/reports/{shelter}");
            await Expect(page.Locator(".timeline")).Not.ToContainTextAsync("Fixed");
        }
    }
}
