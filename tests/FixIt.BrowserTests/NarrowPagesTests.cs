using FixIt.Application.Common;
using FixIt.BrowserTests.Infrastructure;
using FixIt.Domain.Moderation;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FixIt.BrowserTests;

/// <summary>
/// At 375 px no page scrolls sideways, every table cell and control is on screen, radios sit beside their labels and
/// every text-like field looks alike; the same pages at 1280 px are left as they were.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NarrowPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task Staff_audit_alert_and_sign_in_pages_fit_375_px()
    {
        await using var app = await FixItApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Map:TileUrl"] = "" });
        var admin = await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true);
        await app.CreateStaffAsync(StaffRoles.Operator, "demo-city-council");
        await app.WithDbAsync(db =>
        {
            db.AuditEntries.Add(new AuditEntry(new StaffActor(StaffActorKind.ApiKey, "moderation-key-with-a-long-name", "moderation-key-with-a-long-name"),
                AuditActions.HideReport, DateTimeOffset.UtcNow, "Abusive language in the description, reported by two residents.", reportId: 1,
                before: "{\"status\":\"Open\",\"title\":\"A long title that someone wrote\"}", after: "{\"status\":\"Hidden\"}"));
            return db.SaveChangesAsync();
        });

        foreach (var width in new[] { 375, 1280 })
        {
            var page = await browser.NewPageAsync(app, width);
            await page.GotoAsync("/alerts");
            await AssertFitsAsync(page);
            var radio = await page.Locator("#kind-radius").BoundingBoxAsync();
            var label = await page.Locator("label[for=kind-radius]").BoundingBoxAsync();
            Assert.True(radio!.Width < 40 && label!.X - (radio.X + radio.Width) < 24, $"radio at {radio.X}+{radio.Width}, label at {label!.X}");
            await page.VerifyAsync($"narrow-alerts-{width}");

            await page.GotoAsync("/admin/sign-in");
            var email = await page.GetByLabel("Email").BoundingBoxAsync();
            var password = await page.GetByLabel("Password").BoundingBoxAsync();
            Assert.Equal(email!.Width, password!.Width, 1);
            Assert.Equal(email.Height, password.Height, 1);
            await AssertFitsAsync(page);
            await page.VerifyAsync($"narrow-sign-in-{width}");
            await page.GetByLabel("Email").FillAsync(admin.Email);
            await page.GetByLabel("Password").FillAsync(admin.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor sign-in" })).ToBeVisibleAsync();
            var code = await page.GetByLabel("Code").BoundingBoxAsync();
            Assert.Equal(email.Height, code!.Height, 1);
            await AssertFitsAsync(page);
            await page.VerifyAsync($"narrow-two-factor-{width}");
            await page.GetByLabel("Code").FillAsync(Totp.NextCode(admin.AuthenticatorKey!));
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/sign-in"));

            await page.GotoAsync("/admin/staff");
            await Expect(page.GetByTestId("staff-list")).ToBeVisibleAsync();
            await AssertFitsAsync(page);
            await AssertCellsOnScreenAsync(page, "staff-list", width);
            await page.VerifyAsync($"narrow-staff-{width}");

            await page.GotoAsync("/admin/audit");
            await Expect(page.GetByTestId("audit")).ToContainTextAsync("Abusive language");
            await AssertFitsAsync(page);
            await AssertCellsOnScreenAsync(page, "audit", width);
            await page.VerifyAsync($"narrow-audit-{width}");
            await page.Context.CloseAsync();
        }
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        var (scroll, inner) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        Assert.True(scroll <= inner, $"{page.Url} is {scroll} px wide in a {inner} px window");
    }

    // Every cell and control of the table ends inside the window: nothing to scroll to, on a phone or a desktop.
    private static async Task AssertCellsOnScreenAsync(IPage page, string testId, int width)
    {
        var right = await page.GetByTestId(testId).EvaluateAsync<double>(
            "t => Math.max(...[...t.querySelectorAll('td, caption, button, select')].map(e => e.getBoundingClientRect().right))");
        Assert.True(right <= width, $"{page.Url}: a cell or control ends at {right} px in a {width} px window");
    }
}
