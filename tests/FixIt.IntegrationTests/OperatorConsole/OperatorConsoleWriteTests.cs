using System.Globalization;
using System.Net;
using FixIt.Application.Common;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using FixIt.IntegrationTests.Staff;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.OperatorConsole;

/// <summary>
/// Each write of the operator console (issue 15 items 8–10), done by the operator's own staff: the answer (from a template,
/// with and without script), bulk acknowledge, "not ours", templates, and the CSV export; bad input names its field.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class OperatorConsoleWriteTests(AppsFixture apps)
{
    private const string Council = "demo-city-council";

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Staff_answer_a_report_from_a_template_and_the_public_page_changes(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (id, templateId) = await OperatorConsoleAccessTests.ReportAndTemplateAsync(app);
        using var staff = await StaffAsync(app);
        var page = $"operator/{Council}/reports/{id}";
        Assert.Contains($"href=\"/{page}\"", await staff.GetStringAsync($"operator/{Council}"), StringComparison.Ordinal);

        // Without script: "Use template" fills the text and publishes nothing.
        using var filled = await staff.SubmitFormAsync(page, $"{page}/respond", ("template", Id(templateId)), ("use", "template"));
        Assert.Equal(HttpStatusCode.OK, filled.StatusCode);
        Assert.Contains(">We have booked a crew.</textarea>", await filled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Open, await OperatorConsoleAccessTests.StatusAsync(app, id));

        // A note without text is refused, naming the field; then the edited template text is published with a status.
        using var empty = await staff.SubmitFormAsync(page, $"{page}/respond", ("action", "note"), ("text", ""));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var refused = await empty.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#answer-text\"", refused, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"answer-text-error\"", refused, StringComparison.Ordinal);

        using var answered = await staff.SubmitFormAsync(page, $"{page}/respond", ("template", Id(templateId)), ("action", "action-scheduled"),
            ("text", "We have booked a crew for Tuesday."));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal($"/{page}?done=answered", answered.Headers.Location!.OriginalString);
        Assert.Equal(ReportStatus.ActionScheduled, await OperatorConsoleAccessTests.StatusAsync(app, id));
        var last = await app.WithDbAsync(db => db.ReportEvents.AsNoTracking().Where(e => e.ReportId == id).OrderBy(e => e.Id)
            .Select(e => new { e.Actor, e.ActorKind, e.Source, e.PublicText }).LastAsync());
        Assert.Equal(("Demo City Council", ActorKind.Operator, EventSource.Web, "We have booked a crew for Tuesday."),
            (last.Actor, last.ActorKind, last.Source, last.PublicText));
        Assert.Contains("We have booked a crew for Tuesday.", await app.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Bulk_acknowledge_acknowledges_the_open_ones_and_leaves_the_rest(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (first, _) = await OperatorConsoleAccessTests.ReportAndTemplateAsync(app);
        var (second, _) = await OperatorConsoleAccessTests.ReportAndTemplateAsync(app);
        using var staff = await StaffAsync(app);
        (await staff.SubmitFormAsync($"operator/{Council}/reports/{second}", $"operator/{Council}/reports/{second}/respond", ("action", "fixed"))).Dispose();

        using var none = await staff.SubmitFormAsync($"operator/{Council}", $"operator/{Council}/acknowledge");
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Tick at least one report", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var bulk = await staff.SubmitFormAsync($"operator/{Council}", $"operator/{Council}/acknowledge", ("id", Id(first)), ("id", Id(second)),
            ("status", ""), ("sort", "overdue"));
        Assert.Equal(HttpStatusCode.Redirect, bulk.StatusCode);
        var back = bulk.Headers.Location!.OriginalString;
        Assert.Equal($"/operator/{Council}?status=&sort=overdue&acknowledged=1&skipped=1", back);
        Assert.Contains("1 report acknowledged. 1 left as they were", await staff.GetStringAsync(back.TrimStart('/')), StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Acknowledged, await OperatorConsoleAccessTests.StatusAsync(app, first));
        Assert.Equal(ReportStatus.Fixed, await OperatorConsoleAccessTests.StatusAsync(app, second));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Not_ours_needs_a_reason_and_goes_through_the_decline_use_case(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (id, _) = await OperatorConsoleAccessTests.ReportAndTemplateAsync(app);
        using var staff = await StaffAsync(app);
        var page = $"operator/{Council}/reports/{id}";

        using var noReason = await staff.SubmitFormAsync(page, $"{page}/not-ours", ("reason", " "));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("href=\"#decline-reason\"", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var declined = await staff.SubmitFormAsync(page, $"{page}/not-ours", ("reason", "Private road: the estate's landlord looks after it."));
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal($"/operator/{Council}?done=declined", declined.Headers.Location!.OriginalString);
        var decline = await app.WithDbAsync(db => db.Reports.AsNoTracking().Include(r => r.Declines).SingleAsync(r => r.Id == id));
        var row = Assert.Single(decline.Declines);
        Assert.Equal("Private road: the estate's landlord looks after it.", row.Reason);
        Assert.NotEqual(row.OperatorId, decline.OperatorId);
        Assert.Contains("Private road", await app.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);

        // No longer the council's: its console answers 403 for it.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(page)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Templates_are_created_edited_and_deleted_and_bad_input_names_the_field(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var staff = await StaffAsync(app);
        var list = $"operator/{Council}/templates";

        using var bad = await staff.SubmitFormAsync(list, list, ("title", ""), ("text", "Fixed today."), ("status", ""), ("category", ""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#new-title\"", html, StringComparison.Ordinal);
        Assert.Contains("Give the template a name.", html, StringComparison.Ordinal);
        using var badStatus = await staff.SubmitFormAsync(list, list, ("title", "Closed"), ("text", "Closed."), ("status", "closed"));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("href=\"#new-status\"", await badStatus.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var badCategory = await staff.SubmitFormAsync(list, list, ("title", "Nowhere"), ("text", "Nowhere."), ("category", "no-such"));
        Assert.Equal(HttpStatusCode.BadRequest, badCategory.StatusCode);
        Assert.Contains("href=\"#new-category\"", await badCategory.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var title = $"Repaired {Guid.NewGuid():N}";
        using var created = await staff.SubmitFormAsync(list, list, ("title", title), ("text", "We repaired it today."), ("status", "fixed"),
            ("category", "street-lighting"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var template = await app.WithDbAsync(db => db.ResponseTemplates.AsNoTracking().SingleAsync(t => t.Title == title));
        Assert.Equal(ReportStatus.Fixed, template.Status);
        Assert.NotNull(template.CategoryId);

        var edit = $"{list}/{template.Id}";
        Assert.Contains("We repaired it today.</textarea>", await staff.GetStringAsync(edit), StringComparison.Ordinal);
        using var changed = await staff.SubmitFormAsync(edit, edit, ("title", title), ("text", "Repaired this morning."), ("status", ""), ("category", ""));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var after = await app.WithDbAsync(db => db.ResponseTemplates.AsNoTracking().SingleAsync(t => t.Id == template.Id));
        Assert.Equal(("Repaired this morning.", (ReportStatus?)null, (int?)null), (after.Text, after.Status, after.CategoryId));

        // A template is offered on the report page, choosing its status change.
        var (id, _) = await OperatorConsoleAccessTests.ReportAndTemplateAsync(app);
        Assert.Contains(title, await staff.GetStringAsync($"operator/{Council}/reports/{id}"), StringComparison.Ordinal);

        using var deleted = await staff.SubmitFormAsync(edit, $"{edit}/delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.ResponseTemplates.AnyAsync(t => t.Id == template.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(edit)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task The_export_has_reports_and_updates_of_the_range_with_formulas_escaped_and_no_contact_details(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (id, _) = await OperatorConsoleAccessTests.ReportAndTemplateAsync(app, "=HYPERLINK(\"http://evil.example\")");
        using var staff = await StaffAsync(app);
        var page = $"operator/{Council}/reports/{id}";
        (await staff.SubmitFormAsync(page, $"{page}/respond", ("action", "note"), ("text", "@SUM(A1) checked on site."))).Dispose();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var range = $"from={DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}&to={DateTime.UtcNow.AddDays(1):yyyy-MM-dd}";

        using var reports = await staff.GetAsync($"operator/{Council}/export?what=reports&{range}");
        Assert.Equal(HttpStatusCode.OK, reports.StatusCode);
        Assert.Equal("text/csv", reports.Content.Headers.ContentType!.MediaType);
        var csv = await reports.Content.ReadAsStringAsync();
        Assert.StartsWith("id,title,detail,category,created", csv, StringComparison.Ordinal);
        Assert.Contains($"{id},\"'=HYPERLINK(", csv, StringComparison.Ordinal);
        var updates = await staff.GetStringAsync($"operator/{Council}/export?what=updates&{range}");
        Assert.StartsWith("report_id,update_id,time,kind,actor,source,from_status,to_status,text,report_url", updates, StringComparison.Ordinal);
        Assert.Contains("\"'@SUM(A1) checked on site.\"", updates, StringComparison.Ordinal);
        foreach (var personal in new[] { "ada.resident@example.net", "496 0000" })
        {
            Assert.DoesNotContain(personal, csv, StringComparison.Ordinal);
            Assert.DoesNotContain(personal, updates, StringComparison.Ordinal);
        }

        // A range that ended before the report: not in it. Bad dates: the form again, naming the field.
        Assert.DoesNotContain($"\n{id},", await staff.GetStringAsync($"operator/{Council}/export?what=reports&from=2020-01-01&to=2020-12-31"),
            StringComparison.Ordinal);
        using var bad = await staff.GetAsync($"operator/{Council}/export?what=reports&from=yesterday&to={today}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("href=\"#export-from\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task The_inbox_filters_past_target_and_puts_the_most_overdue_first(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (week, _) = await OperatorConsoleAccessTests.ReportAndTemplateAsync(app, "Week-old lamp");
        var (month, _) = await OperatorConsoleAccessTests.ReportAndTemplateAsync(app, "Month-old lamp");
        var (fresh, _) = await OperatorConsoleAccessTests.ReportAndTemplateAsync(app, "Fresh lamp");
        await app.WithDbAsync(db => db.Reports.Where(r => r.Id == week).ExecuteUpdateAsync(s => s.SetProperty(r => r.ConfirmedAt, DateTimeOffset.UtcNow.AddDays(-7))));
        await app.WithDbAsync(db => db.Reports.Where(r => r.Id == month).ExecuteUpdateAsync(s => s.SetProperty(r => r.ConfirmedAt, DateTimeOffset.UtcNow.AddDays(-40))));
        using var staff = await StaffAsync(app);

        var late = await staff.GetStringAsync($"operator/{Council}?late=1&sort=overdue&view=map");
        Assert.Contains("data-testid=\"inbox-map\"", late, StringComparison.Ordinal);
        var monthAt = late.IndexOf($"/reports/{month}\"", StringComparison.Ordinal);
        var weekAt = late.IndexOf($"/reports/{week}\"", StringComparison.Ordinal);
        Assert.True(monthAt > 0 && weekAt > monthAt, "The month-old report is the most overdue, then the week-old one.");
        Assert.DoesNotContain($"/reports/{fresh}\"", late, StringComparison.Ordinal);
        Assert.Contains("past target since", late, StringComparison.Ordinal);

        var newest = await staff.GetStringAsync($"operator/{Council}?late=1");
        Assert.True(newest.IndexOf($"/reports/{week}\"", StringComparison.Ordinal) < newest.IndexOf($"/reports/{month}\"", StringComparison.Ordinal));
    }

    private static async Task<HttpClient> StaffAsync(FixItApp app)
    {
        var staff = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(staff, await app.CreateStaffAsync(StaffRoles.Operator, Council), "/admin/account")).Dispose();
        return staff;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
