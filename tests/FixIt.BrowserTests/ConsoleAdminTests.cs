using FixIt.Application.Common;
using FixIt.BrowserTests.Infrastructure;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FixIt.BrowserTests;

/// <summary>
/// The administrators' console in a real browser: an operator with a contact and a category with an extra question made
/// through the pages alone, the live preview of the question, axe on every page, and each page at 1280 and 375 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleAdminTests(BrowserFixture browser)
{
    private static readonly string[] Pages = ["/admin/operators", "/admin/operators/new", "/admin/categories", "/admin/categories/new", "/admin/mail",
        "/admin/keys", "/admin/staff", "/admin/audit"];

    [Fact]
    public async Task An_admin_sets_up_an_operator_and_a_category_with_an_extra_question_through_the_pages()
    {
        await using var app = await FixItApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Map:TileUrl"] = "" });
        var admin = await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true);
        var page = await SignInAsync(app, admin, 1280);

        await page.GotoAsync("/admin/operators");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an operator" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("North Council");
        await page.GetByLabel("Short name in addresses").FillAsync("north-council");
        await page.GetByLabel("Acknowledge within (days)").FillAsync("3");
        await page.GetByLabel("Escalation contact (optional)").FillAsync("manager@north.example");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("reports@north.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the operator" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("The operator is created.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "North Council", Level = 1 })).ToBeVisibleAsync();
        await page.VerifyAsync("console-operator-edit-1280");

        await page.GotoAsync("/admin/categories/new");
        await page.Locator("#Name").FillAsync("Flooding");
        await page.Locator("#Code").FillAsync("flooding");
        await page.GetByLabel("Group (optional)").FillAsync("Water");
        await page.Locator("[id='ExtraQuestions[0].Question']").FillAsync("How deep is the water?");
        await page.Locator("[id='ExtraQuestions[0].Code']").FillAsync("depth");
        await page.Locator("[id='ExtraQuestions[0].DataType']").SelectOptionAsync("singlevaluelist");
        await page.Locator("[id='ExtraQuestions[0].Values']").FillAsync("ankle: Ankle deep\nKnee deep");
        await page.Locator("[id='ExtraQuestions[0].Required']").CheckAsync();
        // The live preview (script) shows the question as the resident's form will ask it, before anything is saved.
        var preview = page.GetByTestId("question-preview");
        await Expect(preview.GetByRole(AriaRole.Radio, new() { Name = "Knee deep" })).ToBeVisibleAsync();
        await Expect(preview).ToContainTextAsync("How deep is the water?");
        await page.VerifyAsync("console-category-new-1280");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the category" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("The category is created.");
        await page.VerifyAsync("console-category-edit-1280");

        // The new category's contact is added to the operator on its page.
        await page.GotoAsync("/admin/operators/north-council");
        await page.Locator("[id='Contacts[1].Category']").SelectOptionAsync("flooding");
        await page.Locator("[id='Contacts[1].Email']").FillAsync("drains@north.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("Saved.");

        var stored = await app.WithDbAsync(async db =>
        {
            var op = db.Operators.Single(o => o.Slug == "north-council");
            var contacts = db.OperatorContacts.Where(c => c.OperatorId == op.Id).Select(c => c.Email).OrderBy(e => e).ToList();
            var category = db.Categories.Single(c => c.Code == "flooding");
            return await Task.FromResult((op.AcknowledgeTargetDays, op.EscalationEmail, contacts, category.ExtraQuestions.Single().Values.Count));
        });
        Assert.Equal(3, stored.AcknowledgeTargetDays);
        Assert.Equal("manager@north.example", stored.EscalationEmail);
        Assert.Equal(["drains@north.example", "reports@north.example"], stored.contacts);
        Assert.Equal(2, stored.Item4);

        // The resident's form asks the new question when the category is chosen.
        var resident = await browser.NewPageAsync(app);
        resident.SetDefaultTimeout(60_000);
        await resident.GotoAsync("/");
        await resident.GetByLabel("What kind of problem?").SelectOptionAsync("flooding");
        await Expect(resident.GetByRole(AriaRole.Radio, new() { Name = "Knee deep" })).ToBeVisibleAsync();
        await resident.Context.CloseAsync();

        foreach (var width in new[] { 1280, 375 })
        {
            var each = width == 1280 ? page : await SignInAsync(app, admin, width);
            foreach (var path in Pages.Append("/admin/operators/north-council").Append("/admin/categories/flooding"))
            {
                await each.GotoAsync(path);
                await Expect(each.Locator("nav.admin-nav")).ToBeVisibleAsync();
                var name = "console" + path["/admin".Length..].Replace('/', '-');
                await each.VerifyAsync($"{name}-{width}");
                Assert.True(await each.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"),
                    $"{path} scrolls sideways at {width} px");
            }

            await each.Context.CloseAsync();
        }
    }

    private async Task<IPage> SignInAsync(FixItApp app, StaffLogin admin, int width)
    {
        var page = await browser.NewPageAsync(app, width);
        // Server-rendered pages are compiled on first use: a loaded machine takes a while for each one.
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync("/admin/operators");
        await page.GetByLabel("Email").FillAsync(admin.Email);
        await page.GetByLabel("Password").FillAsync(admin.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Code").FillAsync(Totp.NextCode(admin.AuthenticatorKey!));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Operators", Level = 1 })).ToBeVisibleAsync();
        return page;
    }
}
