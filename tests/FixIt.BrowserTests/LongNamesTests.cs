using FixIt.Application.Common;
using FixIt.BrowserTests.Infrastructure;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FixIt.BrowserTests;

/// <summary>
/// An operator whose name is one long word (the outside tester's find): the operator console's header ("Console: …"), the
/// inbox and a report's timeline wrap it at 375 px instead of scrolling sideways.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LongNamesTests(BrowserFixture browser)
{
    private const string LongName = "Metropolitanboroughcounciloftheunitedwesternhighlandsandislandsofthenorth";

    [Fact]
    public async Task A_long_unbroken_operator_name_wraps_in_the_operator_console_at_375_px()
    {
        await using var app = await FixItApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Map:TileUrl"] = "" });
        await app.WithDbAsync(async db =>
        {
            var council = await db.Operators.SingleAsync(o => o.Slug == "demo-city-council");
            council.Name = LongName;
            return await db.SaveChangesAsync();
        });
        var id = await app.SubmitAsync("Pothole outside the library", "pothole", 53.8005, -1.5480);
        await app.ConfirmAsync(id);
        var staff = await app.CreateStaffAsync(StaffRoles.Operator, "demo-city-council");

        var page = await browser.NewPageAsync(app, 375);
        await page.GotoAsync("/operator");
        await page.GetByLabel("Email").FillAsync(staff.Email);
        await page.GetByLabel("Password").FillAsync(staff.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/sign-in"));

        foreach (var path in new[] { "/operator/demo-city-council", $"/operator/demo-city-council/reports/{id}" })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator(".console-operator")).ToContainTextAsync(LongName);
            var (scroll, inner) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
            Assert.True(scroll <= inner, $"{page.Url} is {scroll} px wide in a {inner} px window");
        }

        await page.Context.CloseAsync();
    }
}
