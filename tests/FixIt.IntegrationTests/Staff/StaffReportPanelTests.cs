using System.Net;
using FixIt.Application.Common;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Staff;

/// <summary>
/// The staff panel on a report page (issue 14 item 6), role by role: operator staff act on their operator's reports only
/// (another operator's is a 403 from the server, whatever the form says), admins and moderators on any, and the timeline
/// names the operator, as the email links do.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class StaffReportPanelTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Operator_staff_mark_their_operators_report_fixed_from_its_page(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var id = await CouncilReportAsync(app);
        using var staff = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(staff, await app.CreateStaffAsync(StaffRoles.Operator, "demo-city-council"), "/admin/account")).Dispose();

        Assert.Contains("data-testid=\"staff-panel\"", await staff.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);
        using var fixedIt = await staff.SubmitFormAsync($"reports/{id}", $"reports/{id}/staff-response", ("action", "fixed"), ("text", "Lamp replaced."));

        Assert.Equal(HttpStatusCode.Redirect, fixedIt.StatusCode);
        Assert.Equal($"/reports/{id}", fixedIt.Headers.Location!.OriginalString);
        var (status, update) = await LatestAsync(app, id);
        Assert.Equal(ReportStatus.Fixed, status);
        Assert.Equal(("Demo City Council", ActorKind.Operator, EventSource.Web, "Lamp replaced."), update);
        Assert.Contains("Lamp replaced.", await app.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Operator_staff_of_another_operator_get_403_and_change_nothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var id = await CouncilReportAsync(app);
        using var staff = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(staff, await app.CreateStaffAsync(StaffRoles.Operator, "demo-buses"), "/admin/account")).Dispose();

        var page = await staff.GetStringAsync($"reports/{id}");
        Assert.DoesNotContain("staff-panel", page, StringComparison.Ordinal);
        // The form is not shown, so post it as a forged one would be: with this browser's own antiforgery token.
        using var fixedIt = await staff.SubmitFormAsync($"reports/{id}", $"reports/{id}/staff-response", ("action", "fixed"), ("text", "Not mine."));
        using var note = await staff.SubmitFormAsync($"reports/{id}", $"reports/{id}/staff-response", ("action", "note"), ("text", "Not mine."));

        Assert.Equal(HttpStatusCode.Forbidden, fixedIt.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, note.StatusCode);
        Assert.NotEqual(ReportStatus.Fixed, (await LatestAsync(app, id)).Status);
        Assert.DoesNotContain("Not mine.", await app.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Admins_and_moderators_act_on_any_report_as_its_operator(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var id = await CouncilReportAsync(app);
        using var moderator = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(moderator, await app.CreateStaffAsync(StaffRoles.Moderator), "/admin/account")).Dispose();
        using var admin = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(admin, await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true), "/admin/account")).Dispose();

        using var note = await moderator.SubmitFormAsync($"reports/{id}", $"reports/{id}/staff-response", ("action", "note"), ("text", "Crew booked."));
        Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        Assert.Equal(("Demo City Council", ActorKind.Operator, EventSource.Web, "Crew booked."), (await LatestAsync(app, id)).Update);

        using var progress = await admin.SubmitFormAsync($"reports/{id}", $"reports/{id}/staff-response", ("action", "in-progress"));
        Assert.Equal(HttpStatusCode.Redirect, progress.StatusCode);
        Assert.Equal(ReportStatus.InProgress, (await LatestAsync(app, id)).Status);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Without_a_staff_session_or_an_antiforgery_token_nothing_changes(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var id = await CouncilReportAsync(app);

        // A resident: no panel, and the POST sends them to sign in.
        Assert.DoesNotContain("staff-panel", await app.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);
        using var anonymous = await app.Client.SubmitFormAsync($"reports/{id}", $"reports/{id}/staff-response", ("action", "fixed"));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/admin/sign-in", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // Operator staff of the right operator, but a form without the antiforgery field.
        using var staff = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(staff, await app.CreateStaffAsync(StaffRoles.Operator, "demo-city-council"), "/admin/account")).Dispose();
        using var forged = await staff.PostAsync($"reports/{id}/staff-response", new FormUrlEncodedContent([new("action", "fixed")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // "Not ours" (a re-route) is not on the panel, and a hand-made form asking for it is refused.
        using var decline = await staff.SubmitFormAsync($"reports/{id}", $"reports/{id}/staff-response", ("action", "not-ours"), ("text", "x"));
        Assert.Equal(HttpStatusCode.BadRequest, decline.StatusCode);
        Assert.NotEqual(ReportStatus.Fixed, (await LatestAsync(app, id)).Status);
    }

    /// <summary>A confirmed street-lighting report in Demo City: routed to Demo City Council.</summary>
    private static async Task<int> CouncilReportAsync(FixItApp app)
    {
        var submitted = await app.Client.SubmitAsync(ReportRequests.Valid($"Lamp out {Guid.NewGuid():N}"));
        var id = submitted.GetProperty("id").GetInt32();
        await app.ConfirmAsync(id);
        return id;
    }

    private static Task<(ReportStatus Status, (string, ActorKind, EventSource, string?) Update)> LatestAsync(FixItApp app, int id) =>
        app.WithDbAsync(async db =>
        {
            var report = await db.Reports.AsNoTracking().Include(r => r.Events).SingleAsync(r => r.Id == id);
            var last = report.Events.OrderBy(e => e.Id).Last(e => e.Kind is ReportEventKind.StatusChanged or ReportEventKind.Note);
            return (report.Status, (last.Actor, last.ActorKind, last.Source, last.PublicText));
        });
}
