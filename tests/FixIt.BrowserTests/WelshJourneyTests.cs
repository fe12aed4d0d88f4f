using FixIt.BrowserTests.Infrastructure;
using FixIt.Domain.Reports;
using FixIt.Web.Features.Reports.GetReport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FixIt.BrowserTests;

/// <summary>The journey in Welsh: switch to Cymraeg, report a problem, confirm it, the thank-you; at 1280 and 375 px.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WelshJourneyTests(BrowserFixture browser)
{
    // One test, the wide page first: the narrow one then runs on a warm app, as the other 375 px checks do.
    [Fact]
    public async Task A_resident_switches_to_welsh_reports_a_problem_and_is_thanked_in_welsh()
    {
        foreach (var width in new[] { 1280, 375 })
        {
            await JourneyAsync(width);
        }
    }

    private async Task JourneyAsync(int width)
    {
        var title = $"Twll {Guid.NewGuid():N}"[..16];
        var page = await browser.NewPageAsync(width);
        await page.GotoAsync("/?lat=53.8&lon=-1.55");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.GetByTestId("language-cy").ClickAsync();
        await page.WaitForURLAsync("**/?lat=53.8&lon=-1.55");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "cy");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Rhoi gwybod am broblem");
        await Expect(page.Locator(".language-switcher [aria-current]")).ToHaveTextAsync("Cymraeg");
        await page.VerifyAsync($"welsh-home-{width}");

        await page.SelectOptionAsync("#category", "pothole");
        await page.FillAsync("#title", title);
        await page.FillAsync("#description", "Mae’n ddigon dwfn i golli olwyn ynddo.");
        await page.FillAsync("#name", "Ada Resident");
        await page.FillAsync("#email", "ada@example.net");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anfon yr adroddiad" }).ClickAsync();
        await page.WaitForURLAsync("**/reports/*");
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Diolch. Mae eich adroddiad wedi’i gadw");
        await page.VerifyAsync($"welsh-report-saved-{width}");

        // Confirmed as its emailed link does; the link's POST leaves the one-time notice cookie that opens the thank-you.
        var id = await browser.App.WithDbAsync(async db =>
        {
            var report = await db.Reports.Include(r => r.Events).SingleAsync(r => r.Title == title);
            report.Confirm(EventSource.EmailLink, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return report.Id;
        });
        var notice = browser.App.Services.GetRequiredService<ReportNoticeCookie>().ValueFor(id, ReportNotice.Confirmed);
        await page.Context.AddCookiesAsync([new Cookie { Name = ReportNoticeCookie.Name, Value = notice, Url = new Uri(browser.App.BaseAddress, $"reports/{id}").ToString() }]);
        await page.GotoAsync($"/reports/{id}");

        var thanks = page.GetByTestId("thank-you");
        await Expect(thanks).ToContainTextAsync("Diolch: mae eich adroddiad wedi’i gadarnhau");
        await Expect(thanks).ToContainTextAsync("Nod Demo City Council yw ateb o fewn 3 diwrnod");
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("Ar agor");
        await Expect(page.Locator(".routing")).ToHaveTextAsync("Demo City Council sy’n delio â phob problem yn Demo City.");
        await page.VerifyAsync($"welsh-thank-you-{width}");
    }
}
