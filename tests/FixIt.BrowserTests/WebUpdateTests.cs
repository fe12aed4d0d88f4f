using FixIt.Application.Common.Tokens;
using FixIt.BrowserTests.Infrastructure;
using FixIt.Domain.Messaging;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FixIt.BrowserTests;

/// <summary>A resident's update on the web, at desktop and phone widths: the form behind the emailed link, a refusal naming the field, the published update.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebUpdateTests(BrowserFixture browser)
{
    [Fact]
    public async Task Reporter_writes_an_update_with_a_photo_from_the_emailed_link()
    {
        var app = browser.App;
        var id = await app.SubmitAsync("Lamp out on Swan Street", "street-lighting", 53.7997, -1.5492);
        await app.ConfirmAsync(id);

        foreach (var width in new[] { 1280, 375 })
        {
            // The link the reporter's emails carry (their issuing and sending are the integration tests').
            var token = await app.WithDbAsync(async db =>
            {
                var (token, stored) = LinkTokens.Issue(TokenPurpose.Update, id, TimeSpan.FromDays(1), DateTimeOffset.UtcNow, singleUse: true);
                db.AccessTokens.Add(stored);
                await db.SaveChangesAsync();
                return token;
            });
            var page = await browser.NewPageAsync(width);
            await page.GotoAsync($"/reports/{id}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add an update" })).ToBeVisibleAsync();
            await page.Locator(".add-update").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"update-ask-{width}.png") });

            await page.GotoAsync($"/update/{token}");
            await Expect(page.Locator("#text")).ToBeVisibleAsync();
            await page.VerifyAsync($"update-form-{width}");

            // Nothing written: the form again, the summary and the field naming what to do.
            await page.GetByRole(AriaRole.Button, new() { Name = "Publish my update" }).ClickAsync();
            await Expect(page.Locator(".error-summary")).ToContainTextAsync("Your update: Write your update, or add a photo.");
            await Expect(page.Locator("#text-error")).ToBeVisibleAsync();
            await page.VerifyAsync($"update-form-error-{width}");

            await page.Locator("#text").FillAsync($"Still dark at night; seen at {width} px.");
            await page.Locator("#photos").SetInputFilesAsync(new FilePayload
            {
                Name = "lamp.jpg", MimeType = "image/jpeg", Buffer = TestPhotos.JpegWithGps(53.7997, -1.5492),
            });
            await page.GetByRole(AriaRole.Button, new() { Name = "Publish my update" }).ClickAsync();
            await Expect(page.GetByTestId("updated")).ToBeVisibleAsync();
            await Expect(page.Locator(".timeline")).ToContainTextAsync($"Still dark at night; seen at {width} px.");
            await Expect(page.Locator(".timeline .update-photos img")).ToHaveCountAsync(width == 1280 ? 1 : 2);
            await page.VerifyAsync($"update-published-{width}");
            await page.Context.CloseAsync();
        }
    }
}
