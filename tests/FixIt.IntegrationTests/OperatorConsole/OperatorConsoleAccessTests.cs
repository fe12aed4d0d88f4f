using System.Net;
using FixIt.Application.Common;
using FixIt.Domain.Operators;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using FixIt.IntegrationTests.Staff;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.OperatorConsole;

/// <summary>
/// Who may open the operator console (issue 15, "for every page"): anonymous visitors are sent to sign in; staff of another
/// operator and moderators get the 403 page on every page and every write, and nothing changes; admins open any operator.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class OperatorConsoleAccessTests(AppsFixture apps)
{
    private const string Council = "demo-city-council";

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_page_and_write(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (id, templateId) = await ReportAndTemplateAsync(app);
        using var anonymous = StaffSignInTests.Browser(app);

        foreach (var path in Pages(id, templateId).Concat(Writes(id, templateId)))
        {
            using var response = path.StartsWith("POST ", StringComparison.Ordinal)
                ? await anonymous.PostAsync(path[5..], new FormUrlEncodedContent([new("action", "fixed")]))
                : await anonymous.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path}: {(int)response.StatusCode}");
            Assert.StartsWith("/admin/sign-in?returnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.Equal(ReportStatus.Open, await StatusAsync(app, id));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Staff_of_another_operator_get_403_on_every_page_and_write_and_nothing_changes(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (id, templateId) = await ReportAndTemplateAsync(app);
        using var buses = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(buses, await app.CreateStaffAsync(StaffRoles.Operator, "demo-buses"), "/admin/account")).Dispose();

        // Their own console opens; the council's does not, nor the council's report through their own console's address.
        Assert.Equal(HttpStatusCode.OK, (await buses.GetAsync("operator/demo-buses")).StatusCode);
        await AssertForbiddenEverywhereAsync(buses, "operator/demo-buses", id, templateId,
            [$"operator/demo-buses/reports/{id}"]);
        Assert.Equal(HttpStatusCode.NotFound, (await buses.GetAsync($"operator/demo-buses/templates/{templateId}")).StatusCode);
        using var throughOwn = await buses.SubmitFormAsync("operator/demo-buses", $"operator/demo-buses/reports/{id}/respond", ("action", "fixed"));
        Assert.Equal(HttpStatusCode.Forbidden, throughOwn.StatusCode);
        using var bulk = await buses.SubmitFormAsync("operator/demo-buses", "operator/demo-buses/acknowledge", ("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Forbidden, bulk.StatusCode);

        await AssertNothingChangedAsync(app, id, templateId);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Moderators_get_403_on_every_page_and_write(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (id, templateId) = await ReportAndTemplateAsync(app);
        using var moderator = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(moderator, await app.CreateStaffAsync(StaffRoles.Moderator), "/admin/account")).Dispose();

        await AssertForbiddenEverywhereAsync(moderator, "admin/account", id, templateId, ["operator"]);
        await AssertNothingChangedAsync(app, id, templateId);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Admins_choose_any_operator_and_staff_of_one_go_straight_to_its_inbox(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (id, _) = await ReportAndTemplateAsync(app);
        using var admin = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(admin, await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true), "/admin/account")).Dispose();

        var home = await admin.GetStringAsync("operator");
        Assert.Contains("href=\"/operator/demo-buses\"", home, StringComparison.Ordinal);
        Assert.Contains($"href=\"/operator/{Council}\"", home, StringComparison.Ordinal);
        Assert.Contains($"/operator/{Council}/reports/{id}\"", await admin.GetStringAsync($"operator/{Council}"), StringComparison.Ordinal);

        using var staff = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(staff, await app.CreateStaffAsync(StaffRoles.Operator, Council), "/admin/account")).Dispose();
        using var straight = await staff.GetAsync("operator");
        Assert.Equal(HttpStatusCode.Redirect, straight.StatusCode);
        Assert.Equal($"/operator/{Council}", straight.Headers.Location!.OriginalString);
    }

    private static IEnumerable<string> Pages(int id, int templateId) =>
    [
        "operator",
        $"operator/{Council}",
        $"operator/{Council}?view=map",
        $"operator/{Council}/reports/{id}",
        $"operator/{Council}/templates",
        $"operator/{Council}/templates/{templateId}",
        $"operator/{Council}/figures",
        $"operator/{Council}/export?what=reports&from=2026-01-01&to=2026-12-31",
    ];

    private static IEnumerable<string> Writes(int id, int templateId) =>
    [
        $"POST operator/{Council}/acknowledge",
        $"POST operator/{Council}/reports/{id}/respond",
        $"POST operator/{Council}/reports/{id}/not-ours",
        $"POST operator/{Council}/templates",
        $"POST operator/{Council}/templates/{templateId}",
        $"POST operator/{Council}/templates/{templateId}/delete",
    ];

    /// <summary>Every council page answers 403 with the short page (never the report); every write, with a genuine form token, too.</summary>
    private static async Task AssertForbiddenEverywhereAsync(HttpClient browser, string tokenPage, int id, int templateId, IEnumerable<string> extraPages)
    {
        foreach (var path in Pages(id, templateId).Where(p => p != "operator").Concat(extraPages))
        {
            using var response = await browser.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {(int)response.StatusCode}");
            Assert.Contains("Not allowed", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Lamp out", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Council wording", html, StringComparison.Ordinal);
        }

        var fields = new (string, string)[]
        {
            ("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("action", "fixed"), ("text", "Hijacked"), ("reason", "Hijacked"),
            ("title", "Hijacked"),
        };
        foreach (var path in Writes(id, templateId))
        {
            using var response = await browser.SubmitFormAsync(tokenPage, path[5..], fields);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {(int)response.StatusCode}");
        }
    }

    private static async Task AssertNothingChangedAsync(FixItApp app, int id, int templateId)
    {
        Assert.Equal(ReportStatus.Open, await StatusAsync(app, id));
        Assert.DoesNotContain("Hijacked", await app.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);
        var template = await app.WithDbAsync(db => db.ResponseTemplates.AsNoTracking().SingleAsync(t => t.Id == templateId));
        Assert.Equal("Council wording", template.Title);
    }

    /// <summary>A confirmed street-lighting report in Demo City (Demo City Council's) and a template of the council's.</summary>
    internal static async Task<(int ReportId, int TemplateId)> ReportAndTemplateAsync(FixItApp app, string title = "Lamp out")
    {
        var submitted = await app.Client.SubmitAsync(ReportRequests.Valid($"{title} {Guid.NewGuid():N}"));
        var id = submitted.GetProperty("id").GetInt32();
        await app.ConfirmAsync(id);
        var templateId = await app.WithDbAsync(async db =>
        {
            var council = await db.Operators.SingleAsync(o => o.Slug == Council);
            var template = new ResponseTemplate(council.Id, "Council wording", "We have booked a crew.", null, null);
            db.ResponseTemplates.Add(template);
            await db.SaveChangesAsync();
            return template.Id;
        });
        return (id, templateId);
    }

    internal static Task<ReportStatus> StatusAsync(FixItApp app, int id) =>
        app.WithDbAsync(db => db.Reports.AsNoTracking().Where(r => r.Id == id).Select(r => r.Status).SingleAsync());
}
