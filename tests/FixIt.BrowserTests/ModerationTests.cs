using System.Text.RegularExpressions;
using FixIt.Application.Common;
using FixIt.BrowserTests.Infrastructure;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FixIt.BrowserTests;

/// <summary>
/// Moderation in a real browser (issue 14): an admin signs in with a password and a TOTP code and hides, corrects and
/// marks a duplicate from the report page; a resident flags a report and an update and a moderator works the queue.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ModerationTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_edits_a_title_marks_a_duplicate_and_hides_a_report_from_its_page()
    {
        await using var app = await FixItApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Map:TileUrl"] = "" });
        var copy = await app.SubmitAsync("Lamp out John Smith's fault", "street-lighting", 53.7997, -1.5492);
        var original = await app.SubmitAsync("Lamp out on Park Row", "street-lighting", 53.7998, -1.5493);
        var abusive = await app.SubmitAsync("Rude words about the driver", "bus-shelter", 53.7996, -1.5491);
        foreach (var id in new[] { copy, original, abusive })
        {
            await app.ConfirmAsync(id);
        }

        var admin = await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true);
        foreach (var width in new[] { 375, 1280 })
        {
            var page = await browser.NewPageAsync(app, width);
            await SignInAsync(page, admin.Email, admin.Password, admin.AuthenticatorKey);
            await page.GotoAsync($"/reports/{copy}");
            await Expect(page.GetByTestId("moderator-tools")).ToBeVisibleAsync();
            await page.Locator(".moderator-tools details").EvaluateAllAsync<int>("ds => { ds.forEach(d => d.open = true); return ds.length; }");
            await page.VerifyAsync($"moderator-tools-{width}");
            await page.Context.CloseAsync();
        }

        var admin2 = await browser.NewPageAsync(app);
        await SignInAsync(admin2, admin.Email, admin.Password, admin.AuthenticatorKey);
        await admin2.GotoAsync($"/reports/{copy}");

        // Correct the title: the reporter's wording stays for staff; the public sees "edited by a moderator".
        await admin2.GetByText("Correct the title or description").ClickAsync();
        await admin2.Locator("#edit-title").FillAsync("Lamp out on Park Row (again)");
        await admin2.Locator("#edit-reason").FillAsync("A person's name in the title.");
        await admin2.GetByRole(AriaRole.Button, new() { Name = "Save the correction" }).ClickAsync();
        await Expect(admin2.Locator("h1")).ToHaveTextAsync("Lamp out on Park Row (again)");
        await Expect(admin2.GetByTestId("edited")).ToContainTextAsync("Edited by a moderator");

        // Mark it a duplicate: both pages link each other.
        await admin2.GetByText("Mark as a duplicate of another report").ClickAsync();
        await admin2.Locator("#duplicate-of").FillAsync(original.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await admin2.Locator("#duplicate-reason").FillAsync("The same lamp.");
        await admin2.GetByRole(AriaRole.Button, new() { Name = "Mark as duplicate" }).ClickAsync();
        await Expect(admin2.GetByTestId("duplicate-of")).ToContainTextAsync($"report {original}");
        await Expect(admin2.GetByTestId("status")).ToHaveTextAsync("Duplicate");
        await admin2.VerifyAsync("moderator-after-duplicate");

        // Hide another: staff see the 410 page with the way back; the public sees only that it was removed.
        await admin2.GotoAsync($"/reports/{abusive}");
        await admin2.GetByText("Hide this report").First.ClickAsync();
        await admin2.Locator("#hide-reason").FillAsync("Abuse of a named driver.");
        await admin2.Locator("form[action$='/moderation/hide'] button").ClickAsync();
        await Expect(admin2.GetByRole(AriaRole.Heading, new() { Name = "This report has been removed" })).ToBeVisibleAsync();
        await Expect(admin2.GetByTestId("moderator-tools")).ToBeVisibleAsync();
        await admin2.VerifyAsync("moderator-hidden-report");

        var resident = await browser.NewPageAsync(app);
        var gone = await resident.GotoAsync($"/reports/{abusive}");
        Assert.Equal(410, gone!.Status);
        await Expect(resident.GetByTestId("moderator-tools")).ToHaveCountAsync(0);

        await admin2.Locator("#unhide-reason").FillAsync("Checked with the operator: fair comment.");
        await admin2.GetByRole(AriaRole.Button, new() { Name = "Bring this report back" }).ClickAsync();
        await Expect(admin2.Locator("h1")).ToHaveTextAsync("Rude words about the driver");
    }

    [Fact]
    public async Task A_resident_flags_and_a_moderator_dismisses_and_hides_from_the_queue()
    {
        await using var app = await FixItApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Map:TileUrl"] = "" });
        var id = await app.SubmitAsync("Graffiti on the bus shelter", "bus-shelter", 53.7997, -1.5492);
        await app.ConfirmAsync(id);
        await app.SetStatusAsync(id, ReportStatus.Acknowledged, DateTimeOffset.UtcNow);
        var update = await app.WithDbAsync(db => db.ReportEvents.Where(e => e.ReportId == id && e.PublicText == "Thanks, noted.").Select(e => e.Id).SingleAsync());

        // A resident, no account: the report, then an update.
        foreach (var width in new[] { 375, 1280 })
        {
            var resident = await browser.NewPageAsync(app, width);
            await resident.GotoAsync($"/reports/{id}");
            await resident.GetByRole(AriaRole.Link, new() { Name = "Report this as inappropriate" }).ClickAsync();
            await Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "Report this as inappropriate" })).ToBeVisibleAsync();
            await resident.VerifyAsync($"flag-form-{width}");
            await resident.GetByRole(AriaRole.Button, new() { Name = "Send to the moderators" }).ClickAsync();
            await Expect(resident.Locator(".error-summary")).ToContainTextAsync("Choose why");
            await resident.VerifyAsync($"flag-form-error-{width}");
            await resident.GetByLabel("It is offensive, abusive or hateful").CheckAsync();
            await resident.GetByLabel("More about what is wrong").FillAsync("Swear words in the description.");
            await resident.GetByRole(AriaRole.Button, new() { Name = "Send to the moderators" }).ClickAsync();
            await Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "Thank you" })).ToBeVisibleAsync();
            await resident.Context.CloseAsync();
        }

        var flagger = await browser.NewPageAsync(app);
        await flagger.GotoAsync($"/reports/{id}");
        await flagger.GetByTestId($"flag-update-{update}").ClickAsync();
        await Expect(flagger.Locator("blockquote")).ToHaveTextAsync("Thanks, noted.");
        await flagger.GetByLabel("It is advertising or spam").CheckAsync();
        await flagger.GetByRole(AriaRole.Button, new() { Name = "Send to the moderators" }).ClickAsync();
        await Expect(flagger.GetByRole(AriaRole.Heading, new() { Name = "Thank you" })).ToBeVisibleAsync();

        var moderator = await app.CreateStaffAsync(StaffRoles.Moderator);
        foreach (var width in new[] { 375, 1280 })
        {
            var page = await browser.NewPageAsync(app, width);
            await SignInAsync(page, moderator.Email, moderator.Password, null);
            await page.GotoAsync("/admin/flags");
            // Both visits came from one address: one flag, however many times it was sent.
            await Expect(page.GetByTestId($"flagged-{id}").GetByTestId("flag-count")).ToHaveTextAsync("1 flag");
            await Expect(page.GetByTestId($"flagged-{id}")).ToContainTextAsync("Swear words in the description.");
            await Expect(page.GetByTestId($"flagged-{id}-{update}").GetByTestId("flag-count")).ToHaveTextAsync("1 flag");
            await page.VerifyAsync($"flag-queue-{width}");
            if (width != 1280)
            {
                await page.Context.CloseAsync();
                continue;
            }

            var updateItem = page.GetByTestId($"flagged-{id}-{update}");
            await updateItem.GetByLabel("Reason, for the audit log").FillAsync("An ordinary acknowledgement.");
            await updateItem.GetByRole(AriaRole.Button, new() { Name = "Dismiss the flags" }).ClickAsync();
            await Expect(page.GetByTestId("done")).ToContainTextAsync("dismissed");
            await Expect(page.GetByTestId($"flagged-{id}-{update}")).ToHaveCountAsync(0);

            var reportItem = page.GetByTestId($"flagged-{id}");
            await reportItem.GetByLabel("Reason, for the audit log").FillAsync("Swearing in the description.");
            await reportItem.GetByRole(AriaRole.Button, new() { Name = "Hide the report" }).ClickAsync();
            await Expect(page.GetByTestId("done")).ToContainTextAsync("hidden");
            await Expect(page.GetByTestId("no-flags")).ToBeVisibleAsync();
            await page.VerifyAsync("flag-queue-empty");
        }

        var after = await browser.NewPageAsync(app);
        Assert.Equal(410, (await after.GotoAsync($"/reports/{id}"))!.Status);
    }

    private static async Task SignInAsync(IPage page, string email, string password, string? authenticatorKey)
    {
        await page.GotoAsync("/admin/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        if (authenticatorKey is not null)
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor sign-in" })).ToBeVisibleAsync();
            await page.GetByLabel("Code").FillAsync(Totp.NextCode(authenticatorKey));
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        }

        await Expect(page).Not.ToHaveURLAsync(SignInPage());
    }

    [GeneratedRegex("/admin/sign-in")]
    private static partial Regex SignInPage();
}
