using System.Net.Http.Json;
using System.Text.Json;
using FixIt.BrowserTests.Infrastructure;
using FixIt.Domain.Reports;
using FixIt.Web.Features.Reports.GetReport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FixIt.BrowserTests;

/// <summary>A failed submit that keeps the chosen photo, and the thank-you once the report is confirmed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FormJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_failed_submit_keeps_the_chosen_photo_and_the_next_submit_sends_it()
    {
        var title = $"Kept photo {Guid.NewGuid():N}"[..20];
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/?lat=53.8&lon=-1.55");
        await page.SelectOptionAsync("#category", "pothole");
        await page.FillAsync("#description", "Deep enough to lose a wheel in.");
        await page.FillAsync("#name", "Ada Resident");
        await page.FillAsync("#email", "ada@example.net");
        await page.SetInputFilesAsync("#photos", new FilePayload { Name = "pothole.jpg", MimeType = "image/jpeg", Buffer = TestPhotos.Jpeg() });
        await page.ClickAsync("button[type=submit].primary");

        // The title was missing: said in the form's words, and the photo is kept, not lost.
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("Give the report a title.");
        await Expect(page.GetByTestId("kept-photos")).ToContainTextAsync("pothole.jpg");
        await Expect(page.Locator("#description")).ToHaveValueAsync("Deep enough to lose a wheel in.");
        await page.VerifyAsync("form-photo-kept");

        await page.FillAsync("#title", title);
        await page.ClickAsync("button[type=submit].primary");
        await page.WaitForURLAsync("**/reports/*");
        await Expect(page.Locator(".photos img")).ToBeVisibleAsync();
        Assert.Equal(1, await browser.App.WithDbAsync(db => db.Reports.Where(r => r.Title == title)
            .Join(db.ReportPhotos, r => r.Id, p => p.ReportId, (r, p) => p.Id).CountAsync()));
    }

    [Fact]
    public async Task The_thank_you_after_confirming_says_what_happens_next()
    {
        using var response = await browser.App.Client.PostAsJsonAsync("api/reports", new Dictionary<string, object?>
        {
            ["categoryCode"] = "street-lighting", ["title"] = "Lamp out on Park Row", ["description"] = "Dark since Friday.",
            ["latitude"] = 53.7997, ["longitude"] = -1.5492, ["reporterName"] = "Ada", ["reporterEmail"] = "ada@example.net",
        });
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        await browser.App.WithDbAsync(async db =>
        {
            var report = await db.Reports.Include(r => r.Events).SingleAsync(r => r.Id == id);
            report.Confirm(EventSource.EmailLink, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        var page = await browser.NewPageAsync();
        // The cookie the confirm link's POST sets on its redirect: the thank-you shows once, to that browser only.
        var notice = browser.App.Services.GetRequiredService<ReportNoticeCookie>().ValueFor(id, ReportNotice.Confirmed);
        await page.Context.AddCookiesAsync([new Cookie { Name = ReportNoticeCookie.Name, Value = notice, Url = new Uri(browser.App.BaseAddress, $"reports/{id}").ToString() }]);
        await page.GotoAsync($"/reports/{id}");
        var thanks = page.GetByTestId("thank-you");
        await Expect(thanks).ToContainTextAsync("Thank you: your report is confirmed");
        await Expect(thanks).ToContainTextAsync("Demo City Council aims to answer within 3 days");
        await Expect(page.Locator(".routing")).ToHaveTextAsync("Demo City Council handles all problems in Demo City.");
        await page.VerifyAsync("report-thank-you");
    }
}
