using FixIt.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FixIt.BrowserTests;

/// <summary>A Welsh resident sends the form with two fields missing, reads the Welsh error summary, follows its links
/// to the fields, fixes them and sends.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WelshFormErrorsTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_welsh_resident_sees_welsh_errors_linked_to_the_fields_fixes_them_and_sends()
    {
        var title = $"Twll {Guid.NewGuid():N}"[..16];
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/?lat=53.8&lon=-1.55");
        await page.GetByTestId("language-cy").ClickAsync();
        await page.WaitForURLAsync("**/?lat=53.8&lon=-1.55");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "cy");

        await page.SelectOptionAsync("#category", "pothole");
        await page.FillAsync("#description", "Mae’n ddigon dwfn i golli olwyn ynddo.");
        await page.FillAsync("#name", "Ada Resident");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anfon yr adroddiad" }).ClickAsync();

        // The summary, in Welsh, one link per field missing; each field marked and pointing at its own message.
        var summary = page.Locator("#error-summary");
        await Expect(summary.Locator("h2")).ToHaveTextAsync("Ni anfonwyd eich adroddiad");
        await Expect(summary.Locator("a[href='#title']")).ToHaveTextAsync("Rhowch deitl i’r adroddiad.");
        await Expect(summary.Locator("a[href='#email']"))
            .ToHaveTextAsync("Rhowch eich cyfeiriad e-bost, er mwyn i ni anfon y ddolen atoch i gadarnhau’r adroddiad.");
        await Expect(summary.Locator("a")).ToHaveCountAsync(2);
        await Expect(page.Locator("#title")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#title")).ToHaveAttributeAsync("aria-describedby", "title-error");
        await Expect(page.Locator("#title-error")).ToHaveTextAsync("Rhowch deitl i’r adroddiad.");
        await Expect(page.Locator("#email")).ToHaveAttributeAsync("aria-describedby", "reporterEmail-error");
        await Expect(page.Locator("#description")).ToHaveValueAsync("Mae’n ddigon dwfn i golli olwyn ynddo.");
        await page.VerifyAsync("welsh-form-errors");

        await summary.Locator("a[href='#title']").ClickAsync();
        await Expect(page.Locator("#title")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(title);
        await summary.Locator("a[href='#email']").ClickAsync();
        await Expect(page.Locator("#email")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("ada@example.net");

        await page.GetByRole(AriaRole.Button, new() { Name = "Anfon yr adroddiad" }).ClickAsync();
        await page.WaitForURLAsync("**/reports/*");
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Diolch. Mae eich adroddiad wedi’i gadw");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "cy");
        await Expect(page.Locator("h1")).ToContainTextAsync(title);
    }
}
