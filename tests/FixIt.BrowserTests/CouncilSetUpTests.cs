using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using FixIt.Application.Common;
using FixIt.BrowserTests.Infrastructure;
using FixIt.Infrastructure.Mail;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FixIt.BrowserTests;

/// <summary>
/// Issue 15's "what must be shown", end to end: a new council set up from an empty database through the pages alone — the
/// operator and its contacts, a category with an extra question, a TopoJSON boundary, a rule and its dry run — then a
/// resident's report confirmed from its email, an operator-staff account invited from the console, and that person answering
/// the report from their inbox with a response template, and the public page changing. axe on every page; every page at
/// 1280 and 375 px (screenshots "setup-*", in docs/console with FIXIT_SCREENSHOTS).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CouncilSetUpTests(BrowserFixture browser)
{
    private const string Resident = "ada@example.net";
    private const string Officer = "officer@north.example";

    [Fact]
    public async Task A_council_is_set_up_from_an_empty_database_and_answers_its_first_report_through_the_pages()
    {
        // No demo data: only the first admin, as `fixit create-user --role admin` makes one.
        await using var app = await FixItApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Map:TileUrl"] = "", ["Seed:Demo"] = "false", ["Seed:DemoReports"] = "0",
        });
        Assert.Equal((0, 0, 0), await app.WithDbAsync(db => Task.FromResult((db.Operators.Count(), db.Categories.Count(), db.Areas.Count()))));
        var admin = await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true);
        var page = await SignInAdminAsync(app, admin, 1280, screenshots: true);

        // 1. The operator and its first contact (every category).
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = "Operators" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an operator" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("North Council");
        await page.GetByLabel("Short name in addresses").FillAsync("north-council");
        await page.GetByLabel("Acknowledge within (days)").FillAsync("3");
        await page.GetByLabel("Escalation contact (optional)").FillAsync("manager@north.example");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("reports@north.example");
        await page.VerifyAsync("setup-journey-03-operator-new-1280");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the operator" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("The operator is created.");

        // 2. A category with a required one-choice question; the live preview asks it as the resident's form will.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = "Categories" }).ClickAsync();
        await page.GotoAsync("/admin/categories/new");
        await page.Locator("#Name").FillAsync("Flooding");
        await page.Locator("#Code").FillAsync("flooding");
        await page.GetByLabel("Group (optional)").FillAsync("Water");
        await page.Locator("[id='ExtraQuestions[0].Question']").FillAsync("How deep is the water?");
        await page.Locator("[id='ExtraQuestions[0].Code']").FillAsync("depth");
        await page.Locator("[id='ExtraQuestions[0].DataType']").SelectOptionAsync("singlevaluelist");
        await page.Locator("[id='ExtraQuestions[0].Values']").FillAsync("ankle: Ankle deep\nknee: Knee deep");
        await page.Locator("[id='ExtraQuestions[0].Required']").CheckAsync();
        await Expect(page.GetByTestId("question-preview").GetByRole(AriaRole.Radio, new() { Name = "Knee deep" })).ToBeVisibleAsync();
        await page.VerifyAsync("setup-journey-04-category-preview-1280");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the category" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("The category is created.");

        // The operator's second contact: flooding reports go to the drains team.
        await page.GotoAsync("/admin/operators/north-council");
        await page.Locator("[id='Contacts[1].Category']").SelectOptionAsync("flooding");
        await page.Locator("[id='Contacts[1].Email']").FillAsync("drains@north.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("Saved.");
        await page.VerifyAsync("setup-journey-05-operator-contacts-1280");

        // 3. The boundary file: two wards as a TopoJSON topology, previewed, then imported.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = "Areas" }).ClickAsync();
        await page.Locator("#file").SetInputFilesAsync(new FilePayload
        {
            Name = "north-wards.topojson", MimeType = "application/json",
            Buffer = Encoding.UTF8.GetBytes(AdminRequests.SquaresTopoJson(10, 45, 1, "n1", "n2")),
        });
        await page.GetByLabel("Kind of area").FillAsync("ward");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }).ClickAsync();
        await Expect(page.GetByTestId("preview-summary")).ToHaveTextAsync("2 to add, 0 to replace, 0 repaired, 0 rejected.");
        await page.VerifyAsync("setup-journey-06-area-preview-1280");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 2 areas" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("2 areas added, 0 replaced.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Square n1" }).ClickAsync();
        await Expect(page.Locator("#area-map[data-drawn=true]")).ToBeVisibleAsync();
        var areaPath = new Uri(page.Url).AbsolutePath;

        // 4. A rule: flooding in ward n1 goes to North Council.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a rule for this area" }).ClickAsync();
        var add = page.GetByRole(AriaRole.Region, new() { Name = "Add a rule" });
        await add.GetByLabel("Category", new() { Exact = true }).SelectOptionAsync("flooding");
        await add.GetByLabel("Operator", new() { Exact = true }).SelectOptionAsync("north-council");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the rule" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToContainTextAsync("added.");
        var ruleId = (await page.GetByTestId("done").TextContentAsync())!.Split(' ')[1];
        await page.VerifyAsync("setup-journey-07-rules-1280");

        // 5. Its dry run at a point in the ward.
        await page.GotoAsync("/admin/rules/dry-run");
        await page.GetByLabel("Latitude").FillAsync("45.5");
        await page.GetByLabel("Longitude").FillAsync("10.5");
        await page.GetByLabel("Category of the report").SelectOptionAsync("flooding");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync();
        await Expect(page.GetByTestId("areas")).ToContainTextAsync("Square n1");
        await Expect(page.GetByTestId("before")).ToContainTextAsync($"rule {ruleId}: Square n1 × Flooding → North Council");
        await page.VerifyAsync("setup-journey-08-dry-run-1280");

        // 6. A resident reports flooding in the ward, answering the extra question, and confirms from the email.
        var resident = await browser.NewPageAsync(app, 1280);
        resident.SetDefaultTimeout(60_000);
        await resident.GotoAsync("/?lat=45.5&lon=10.5");
        await resident.Locator("#category").SelectOptionAsync("flooding");
        await resident.GetByRole(AriaRole.Radio, new() { Name = "Knee deep" }).CheckAsync();
        await resident.FillAsync("#title", "Road flooded under the bridge");
        await resident.FillAsync("#description", "The drain is blocked; the water is over the kerb.");
        await resident.FillAsync("#name", "Ada Resident");
        await resident.FillAsync("#email", Resident);
        await resident.VerifyAsync("setup-journey-09-resident-form-1280");
        await resident.ClickAsync("button[type=submit].primary");
        await resident.WaitForURLAsync(ReportUrl());
        var reportId = int.Parse(ReportUrl().Match(resident.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await resident.GotoAsync(await LinkInMailAsync(app, Resident, "/confirm/"));
        await resident.GetByRole(AriaRole.Button, new() { Name = "Confirm my report" }).ClickAsync();
        await resident.GotoAsync($"/reports/{reportId}");
        await Expect(resident.GetByTestId("status")).ToHaveTextAsync("Open");
        await Expect(resident.Locator(".facts")).ToContainTextAsync("North Council");
        await resident.VerifyAsync("setup-journey-10-report-confirmed-1280");
        // The answer to the extra question is kept with the report, and the rule sent it to the flooding contact.
        Assert.Equal(["depth=knee"], await app.WithDbAsync(db =>
            Task.FromResult(db.Reports.Single(r => r.Id == reportId).Attributes.Select(a => $"{a.Code}={a.Value}").ToList())));
        Assert.Contains("Road flooded under the bridge", await MailTextAsync(app, "drains@north.example"), StringComparison.Ordinal);

        // 7. The admin invites a member of the council's staff.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = "Staff" }).ClickAsync();
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(Officer);
        await page.Locator("#invite-role").SelectOptionAsync(StaffRoles.Operator);
        await page.Locator("#invite-operator").SelectOptionAsync("north-council");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync($"Invitation sent to {Officer}.");
        await page.VerifyAsync("setup-journey-11-staff-invited-1280");

        // 8. They choose a password from the invitation and sign in: the menu offers them their console.
        var officer = await browser.NewPageAsync(app, 1280);
        officer.SetDefaultTimeout(60_000);
        await officer.GotoAsync(await LinkInMailAsync(app, Officer, "/admin/set-password/"));
        await officer.GetByLabel("New password").FillAsync(OfficerPassword);
        await officer.GetByLabel("The same again").FillAsync(OfficerPassword);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await SignInOfficerAsync(officer);
        await officer.VerifyAsync("setup-journey-12-officer-account-1280");
        await officer.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = "Operator console" }).ClickAsync();
        await Expect(officer.GetByTestId("inbox-list")).ToContainTextAsync("Road flooded under the bridge");
        await officer.VerifyAsync("setup-journey-13-inbox-1280");

        // 9. A response template, then the answer from it.
        await officer.GetByRole(AriaRole.Link, new() { Name = "Response templates" }).ClickAsync();
        await officer.GetByLabel("Name (only staff see it)").FillAsync("Drain crew booked");
        await officer.GetByLabel("Offered on reports of").SelectOptionAsync("flooding");
        await officer.GetByLabel("For", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Action scheduled" });
        await officer.GetByLabel("Text (published").FillAsync("Our drains crew will clear the blocked drain.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Save the template" }).ClickAsync();
        await Expect(officer.GetByTestId("templates")).ToContainTextAsync("Drain crew booked");
        await officer.VerifyAsync("setup-journey-14-templates-1280");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Inbox" }).ClickAsync();
        await officer.GetByRole(AriaRole.Link, new() { Name = "Road flooded under the bridge" }).ClickAsync();
        await officer.GetByLabel("Start from a template").SelectOptionAsync(new SelectOptionValue { Label = "Drain crew booked (Action scheduled)" });
        var note = officer.GetByRole(AriaRole.Textbox, new() { Name = "Public note" });
        await Expect(note).ToHaveValueAsync("Our drains crew will clear the blocked drain.");
        await Expect(officer.GetByLabel("Set the status to Action scheduled")).ToBeCheckedAsync();
        await note.FillAsync("Our drains crew will clear the blocked drain on Thursday.");
        await officer.VerifyAsync("setup-journey-15-answer-1280");
        await officer.GetByTestId("publish").ClickAsync();
        await Expect(officer.GetByTestId("done")).ToContainTextAsync("Published");

        // 10. The public page shows the new status and the note, as the council.
        await resident.GotoAsync($"/reports/{reportId}");
        await Expect(resident.GetByTestId("status")).ToHaveTextAsync("Action scheduled");
        await Expect(resident.Locator(".timeline")).ToContainTextAsync("Our drains crew will clear the blocked drain on Thursday.");
        await Expect(resident.Locator(".timeline li").Last).ToContainTextAsync("North Council");
        await resident.VerifyAsync("setup-journey-16-report-answered-1280");
        await resident.Context.CloseAsync();
        await officer.Context.CloseAsync();
        await page.Context.CloseAsync();

        // Every page of the set-up at both widths: the admin's menu and the pages behind it, then the officer's.
        string[] adminPages =
        [
            "/admin/account", "/admin/operators", "/admin/operators/new", "/admin/operators/north-council", "/admin/categories",
            "/admin/categories/new", "/admin/categories/flooding", "/admin/areas", areaPath, "/admin/rules",
            "/admin/rules/dry-run?lat=45.5&lon=10.5&reportCategory=flooding", "/admin/unrouted", "/admin/mail", "/admin/keys", "/admin/staff",
            "/admin/audit", "/admin/flags", "/admin/blocked-senders", "/operator",
        ];
        string[] officerPages =
        [
            "/admin/account", "/operator/north-council", "/operator/north-council?view=map", $"/operator/north-council/reports/{reportId}",
            "/operator/north-council/templates", "/operator/north-council/figures", $"/reports/{reportId}",
        ];
        foreach (var width in new[] { 1280, 375 })
        {
            var each = await SignInAdminAsync(app, admin, width, screenshots: false);
            await SweepAsync(each, adminPages, "setup-admin", width);
            await each.Context.CloseAsync();

            var staff = await browser.NewPageAsync(app, width);
            staff.SetDefaultTimeout(60_000);
            await SignInOfficerAsync(staff);
            await SweepAsync(staff, officerPages, "setup-officer", width);
            await staff.Context.CloseAsync();
        }
    }

    private const string OfficerPassword = "a drain crew on a thursday";

    private static async Task SweepAsync(IPage page, string[] paths, string prefix, int width)
    {
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            var wide = await page.EvaluateAsync<string>("""
                document.documentElement.scrollWidth <= window.innerWidth + 1 ? '' : [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll'))
                    .slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id).join(', ')
                """);
            Assert.True(wide.Length == 0, $"{path} scrolls sideways at {width} px: {wide}");
            var name = path.Split('?')[0].Trim('/');
            name = ShotName().Replace(name.StartsWith("admin/", StringComparison.Ordinal) ? name["admin/".Length..] : name, "-");
            await page.VerifyAsync($"{prefix}-{name}{(path.Contains("view=map", StringComparison.Ordinal) ? "-map" : "")}-{width}");
        }
    }

    private async Task<IPage> SignInAdminAsync(FixItApp app, StaffLogin admin, int width, bool screenshots)
    {
        var page = await browser.NewPageAsync(app, width);
        // Server-rendered pages are compiled on first use: a loaded machine takes a while for each one.
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync("/admin/sign-in");
        await page.GetByLabel("Email").FillAsync(admin.Email);
        await page.GetByLabel("Password").FillAsync(admin.Password);
        if (screenshots)
        {
            await page.VerifyAsync("setup-journey-01-sign-in-1280");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Code").FillAsync(Totp.NextCode(admin.AuthenticatorKey!));
        if (screenshots)
        {
            await page.VerifyAsync("setup-journey-02-two-factor-1280");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your staff account", Level = 1 })).ToBeVisibleAsync();
        return page;
    }

    private static async Task SignInOfficerAsync(IPage page)
    {
        await page.GotoAsync("/admin/sign-in");
        await page.GetByLabel("Email").FillAsync(Officer);
        await page.GetByLabel("Password").FillAsync(OfficerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByTestId("role")).ToHaveTextAsync("operator for north-council");
    }

    /// <summary>The path of the first link starting with <paramref name="prefix"/> in the newest email to <paramref name="to"/>, from the development mailbox.</summary>
    private static async Task<string> LinkInMailAsync(FixItApp app, string to, string prefix)
    {
        var text = await MailTextAsync(app, to);
        var link = Regex.Matches(text, @"https?://[^\s<>""]+").Select(m => new Uri(m.Value))
            .FirstOrDefault(u => u.AbsolutePath.StartsWith(prefix, StringComparison.Ordinal));
        Assert.True(link is not null, $"No {prefix} link in the email to {to}:\n{text}");
        return link!.PathAndQuery;
    }

    /// <summary>The text of the newest email to <paramref name="to"/> in the development mailbox (the pickup folder), once the outbox has sent it.</summary>
    private static async Task<string> MailTextAsync(FixItApp app, string to)
    {
        var mailbox = app.Services.GetRequiredService<DevMailbox>();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var newest = (await mailbox.ListAsync(100, CancellationToken.None)).FirstOrDefault(m => m.To.Contains(to, StringComparison.OrdinalIgnoreCase));
            if (newest is not null)
            {
                return (await mailbox.GetAsync(newest.Name, CancellationToken.None))!.Text;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), $"No email to {to} within a minute.");
            await Task.Delay(200);
        }
    }

    [GeneratedRegex(@"/reports/(\d+)")]
    private static partial Regex ReportUrl();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex ShotName();
}
