using System.Text;
using FixIt.BrowserTests.Infrastructure;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FixIt.BrowserTests;

/// <summary>Bad input through the form: a clear message next to the field, the rest kept, and nothing stored.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportFormTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_report_without_a_pin_is_refused_with_a_message_and_not_stored()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await FillAsync(page, "No pin given");
        await page.ClickAsync("button[type=submit].primary");

        await Expect(page.Locator("#error-summary")).ToContainTextAsync("Place the pin on the map");
        await Expect(page.Locator("#location-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#title")).ToHaveValueAsync("No pin given");
        await page.VerifyAsync("form-no-pin");
        Assert.Equal(0, await CountAsync("No pin given"));
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_whatever_its_name()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/?lat=53.8&lon=-1.55");
        await FillAsync(page, "Renamed text file");
        await page.SetInputFilesAsync("#photos", new FilePayload { Name = "photo.jpg", MimeType = "image/jpeg", Buffer = Encoding.UTF8.GetBytes("MZ this is not a picture") });
        await page.ClickAsync("button[type=submit].primary");

        await Expect(page.Locator("#photos-error")).ToHaveTextAsync("The file \"photo.jpg\" is not a JPEG, PNG or WebP image.");
        await page.VerifyAsync("form-not-an-image");
        Assert.Equal(0, await CountAsync("Renamed text file"));
    }

    [Fact]
    public async Task An_oversized_photo_is_refused()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/?lat=53.8&lon=-1.55");
        await FillAsync(page, "Oversized photo");
        var big = new byte[(6 * 1024 * 1024) + 1];
        TestPhotos.Jpeg().CopyTo(big, 0);
        await page.SetInputFilesAsync("#photos", new FilePayload { Name = "huge.jpg", MimeType = "image/jpeg", Buffer = big });
        await page.ClickAsync("button[type=submit].primary");

        await Expect(page.Locator("#photos-error")).ToHaveTextAsync("The photo \"huge.jpg\" is larger than 5 MB.");
        Assert.Equal(0, await CountAsync("Oversized photo"));
    }

    [Fact]
    public async Task Script_in_the_title_is_shown_as_text_and_never_runs()
    {
        const string Title = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">Lamp out";
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/?lat=53.8&lon=-1.55");
        await FillAsync(page, Title);
        await page.ClickAsync("button[type=submit].primary");

        await page.WaitForURLAsync("**/reports/*");
        await Expect(page.Locator("#report-title")).ToHaveTextAsync(Title);
        Assert.Equal(0, await page.Locator("#report-title script, #report-title img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"));
        await page.VerifyAsync("report-inert-title");
    }

    [Fact]
    public async Task A_photos_gps_position_is_offered_as_the_pin_and_never_published()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.SetInputFilesAsync("#photos", new FilePayload { Name = "IMG_0001.jpg", MimeType = "image/jpeg", Buffer = TestPhotos.JpegWithGps(53.79912, -1.54321) });
        await Expect(page.Locator("#photo-location")).ToContainTextAsync("53.79912, -1.54321");
        await page.ClickAsync("#photo-location button");
        await Expect(page.Locator("#lat")).ToHaveValueAsync("53.799120");
        await Expect(page.Locator("#lon")).ToHaveValueAsync("-1.543210");
        await FillAsync(page, "Photo with a position");
        await page.ClickAsync("button[type=submit].primary");

        await page.WaitForURLAsync("**/reports/*");
        var photo = page.Locator(".photos img");
        await Expect(photo).ToBeVisibleAsync();
        await page.VerifyAsync("report-with-photo");

        var published = await browser.App.Client.GetByteArrayAsync((await photo.GetAttributeAsync("src"))!.TrimStart('/'));
        Assert.Empty(ImageMetadataReader.ReadMetadata(new MemoryStream(published)).OfType<GpsDirectory>());
        Assert.Empty(ImageMetadataReader.ReadMetadata(new MemoryStream(published)).OfType<ExifIfd0Directory>());
        Assert.Equal(-1, published.AsSpan().IndexOf("Exif\0\0"u8));
    }

    [Fact]
    public async Task The_form_works_without_script_with_coordinates_from_the_address()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.App.BaseAddress.ToString(), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/?lat=53.8012&lon=-1.5488");
        await Expect(page.Locator("#lat")).ToHaveValueAsync("53.8012");
        await FillAsync(page, "Sent without script");
        await page.ClickAsync("button[type=submit].primary");

        await page.WaitForURLAsync("**/reports/*");
        await Expect(page.Locator("#report-title")).ToHaveTextAsync("Sent without script");
        await Expect(page.Locator(".coords")).ToHaveTextAsync("53.8012, -1.5488");
        await context.CloseAsync();
    }

    private static async Task FillAsync(IPage page, string title)
    {
        await page.SelectOptionAsync("#category", "street-lighting");
        await page.FillAsync("#title", title);
        await page.FillAsync("#description", "Out since Monday.");
        await page.FillAsync("#name", "Ada Resident");
        await page.FillAsync("#email", "ada@example.net");
    }

    private Task<int> CountAsync(string title) =>
        browser.App.WithDbAsync(db => db.Reports.CountAsync(r => r.Title == title));
}
