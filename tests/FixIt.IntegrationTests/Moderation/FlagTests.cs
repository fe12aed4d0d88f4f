using System.Net;
using FixIt.Application.Common;
using FixIt.Domain.Moderation;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using FixIt.IntegrationTests.Staff;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Moderation;

/// <summary>
/// "Report this as inappropriate" (issue 14 item 8): residents flag a report or an update without an account, each
/// client counts once per item, nothing about them is kept but a keyed hash; admins and moderators work the queue.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class FlagTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_resident_flags_a_report_and_an_update_and_each_counts_once_per_client(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var id = await FlagFlow.PublicReportAsync(app);
        var updateId = await FlagFlow.PublicUpdateAsync(app, id);

        var page = await app.Client.GetStringAsync($"reports/{id}");
        Assert.Contains($"href=\"/reports/{id}/flag\"", page, StringComparison.Ordinal);
        Assert.Contains("Report this as inappropriate", page, StringComparison.Ordinal);

        await FlagFlow.FlagAsync(app.Client, id, null, "abusive", "Calls the neighbour names.");
        await FlagFlow.FlagAsync(app.Client, id, null, "spam");
        await FlagFlow.FlagAsync(app.Client, id, updateId, "personal-details");

        var flags = await app.WithDbAsync(db => db.ReportFlags.AsNoTracking().Where(f => f.ReportId == id).OrderBy(f => f.Id).ToListAsync());
        Assert.Equal(2, flags.Count);
        Assert.Equal((null, FlagReason.Abusive, "Calls the neighbour names."), (flags[0].UpdateId, flags[0].Reason, flags[0].Details));
        Assert.Equal((updateId, FlagReason.PersonalDetails), (flags[1].UpdateId, flags[1].Reason));
        // No address is stored: a 64-character keyed hash, different for each item.
        Assert.All(flags, f => Assert.Matches("^[0-9a-f]{64}$", f.FlaggerKey!));
        Assert.NotEqual(flags[0].FlaggerKey, flags[1].FlaggerKey);

        using var admin = await app.AdminClientAsync();
        var queue = await FlagFlow.QueueAsync(admin);
        var report = FlagFlow.Item(queue, id, null);
        Assert.Equal(1, report.GetProperty("count").GetInt32());
        Assert.Equal("abusive", report.GetProperty("reasons")[0].GetProperty("reason").GetString());
        Assert.Equal("Calls the neighbour names.", report.GetProperty("details")[0].GetString());
        Assert.Equal(1, FlagFlow.Item(queue, id, updateId).GetProperty("count").GetInt32());

        // The public page says nothing about flags.
        Assert.DoesNotContain("Calls the neighbour names.", await app.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task The_flag_form_refuses_bad_input_and_unseen_items_and_keeps_nothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var id = await FlagFlow.PublicReportAsync(app);

        using (var noReason = await app.Client.SubmitFormAsync($"reports/{id}/flag", $"reports/{id}/flag", ("details", "x")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Contains("Choose why this should not be on the site.", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var otherWithoutWords = await app.Client.SubmitFormAsync($"reports/{id}/flag", $"reports/{id}/flag", ("reason", "other")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, otherWithoutWords.StatusCode);
            var html = await otherWithoutWords.Content.ReadAsStringAsync();
            Assert.Contains("Say what is wrong with it.", html, StringComparison.Ordinal);
            Assert.Contains("id=\"flag-details-error\"", html, StringComparison.Ordinal);
        }

        using (var tooLong = await app.Client.SubmitFormAsync($"reports/{id}/flag", $"reports/{id}/flag", ("reason", "other"), ("details", new string('x', 501))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        }

        using (var bot = await app.Client.SubmitFormAsync($"reports/{id}/flag", $"reports/{id}/flag", ("reason", "spam"), ("website", "http://spam.example")))
        {
            Assert.Equal(HttpStatusCode.OK, bot.StatusCode);
        }

        using (var forged = await app.Client.PostAsync($"reports/{id}/flag", new FormUrlEncodedContent([new("reason", "spam")])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.ReportFlags.CountAsync(f => f.ReportId == id)));

        // An update of another report, an unknown report and a hidden one: as if they did not exist (410 for the hidden one's page).
        var other = await FlagFlow.PublicReportAsync(app);
        var otherUpdate = await FlagFlow.PublicUpdateAsync(app, other);
        using (var wrongReport = await app.Client.GetAsync($"reports/{id}/updates/{otherUpdate}/flag"))
        {
            Assert.Equal(HttpStatusCode.NotFound, wrongReport.StatusCode);
        }

        using var moderator = await Moderator.CreateAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"api/admin/reports/{other}/hide")).Status);
        using (var hidden = await app.Client.GetAsync($"reports/{other}/flag"))
        {
            Assert.Equal(HttpStatusCode.Gone, hidden.StatusCode);
        }

        using (var unknown = await app.Client.GetAsync("reports/999999/flag"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_moderator_dismisses_and_hides_from_the_queue_and_residents_and_operator_staff_are_refused(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var kept = await FlagFlow.PublicReportAsync(app);
        var abusive = await FlagFlow.PublicReportAsync(app);
        var update = await FlagFlow.PublicUpdateAsync(app, abusive);
        await FlagFlow.FlagAsync(app.Client, kept, null, "spam");
        await FlagFlow.FlagAsync(app.Client, abusive, null, "abusive");
        await FlagFlow.FlagAsync(app.Client, abusive, update, "personal-details");

        // Residents: sent to sign in (page), 401 (API).
        using (var anonymous = await app.Client.GetAsync("admin/flags"))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/admin/sign-in", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using (var anonymousApi = await app.Client.GetAsync("api/admin/flags"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymousApi.StatusCode);
        }

        // Operator staff: 403 everywhere, and a forged dismiss changes nothing.
        using var operatorStaff = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(operatorStaff, await app.CreateStaffAsync(StaffRoles.Operator, "demo-city-council"), "/admin/account")).Dispose();
        using (var page = await operatorStaff.GetAsync("admin/flags"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        }

        using (var api = await operatorStaff.GetAsync("api/admin/flags"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        }

        using (var forged = await operatorStaff.SubmitFormAsync($"reports/{kept}", $"admin/flags/reports/{kept}", ("do", "dismiss"), ("reason", "Mine now.")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        Assert.DoesNotContain("moderator-tools", await operatorStaff.GetStringAsync($"reports/{kept}"), StringComparison.Ordinal);

        using var moderator = StaffSignInTests.Browser(app);
        var login = await app.CreateStaffAsync(StaffRoles.Moderator);
        (await AdminSignInTests.SignInAsync(moderator, login, "/admin/account")).Dispose();
        var queue = await moderator.GetStringAsync("admin/flags");
        Assert.Contains($"data-testid=\"flagged-{kept}\"", queue, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"flagged-{abusive}-{update}\"", queue, StringComparison.Ordinal);

        // A reason is required.
        using (var noReason = await moderator.SubmitFormAsync("admin/flags", $"admin/flags/reports/{kept}", ("do", "dismiss"), ("reason", " ")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        }

        using (var dismissed = await moderator.SubmitFormAsync("admin/flags", $"admin/flags/reports/{kept}", ("do", "dismiss"), ("reason", "Not spam: a real pothole.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);
            Assert.Equal("/admin/flags?done=dismissed", dismissed.Headers.Location!.OriginalString);
        }

        using (var hidden = await moderator.SubmitFormAsync("admin/flags", $"admin/flags/reports/{abusive}/updates/{update}", ("do", "hide"), ("reason", "A phone number.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        }

        queue = await moderator.GetStringAsync("admin/flags");
        Assert.DoesNotContain($"data-testid=\"flagged-{kept}\"", queue, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-testid=\"flagged-{abusive}-{update}\"", queue, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"flagged-{abusive}\"", queue, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.ReportEvents.Where(e => e.Id == update).Select(e => e.IsPublic).SingleAsync()));
        var keptFlag = await app.WithDbAsync(db => db.ReportFlags.AsNoTracking().SingleAsync(f => f.ReportId == kept));
        Assert.NotNull(keptFlag.DismissedAt);
        Assert.Null(keptFlag.FlaggerKey);
        var entry = Assert.Single(await app.AuditOfAsync(kept));
        Assert.Equal((AuditActions.DismissFlags, StaffActorKind.StaffUser, "Not spam: a real pothole."), (entry.Action, entry.ActorKind, entry.Reason));
        Assert.Contains("\"openFlags\":1", entry.Before, StringComparison.Ordinal);

        // The admin API: the same queue, dismiss with a reason (400 without, 409 when nothing is open).
        using var admin = await Moderator.CreateAsync(app);
        ModerationAssertions.AssertNames(await admin.PostAsync($"api/admin/reports/{abusive}/flags/dismiss", null), "reason");
        var (status, body) = await admin.PostAsync($"api/admin/reports/{abusive}/flags/dismiss", "Fair criticism.");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("dismissed").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"api/admin/reports/{abusive}/flags/dismiss", "Again.")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("api/admin/reports/999999/flags/dismiss", "Unknown.")).Status);
        var after = await FlagFlow.QueueAsync(admin.Client);
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), i => i.GetProperty("reportId").GetInt32() == abusive);

        // Dismissed, the same client may flag the item again (it may have changed since).
        await FlagFlow.FlagAsync(app.Client, kept, null, "abusive");
        Assert.Equal(1, FlagFlow.Item(await FlagFlow.QueueAsync(admin.Client), kept, null).GetProperty("count").GetInt32());
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Moderators_hide_edit_mark_duplicates_and_unhide_from_the_report_page(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var id = await FlagFlow.PublicReportAsync(app);
        var original = await FlagFlow.PublicReportAsync(app);
        using var moderator = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(moderator, await app.CreateStaffAsync(StaffRoles.Moderator), "/admin/account")).Dispose();
        Assert.Contains("data-testid=\"moderator-tools\"", await moderator.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);
        Assert.DoesNotContain("moderator-tools", await app.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);

        using (var edited = await moderator.SubmitFormAsync($"reports/{id}", $"reports/{id}/moderation/edit", ("title", "Streetlight out"),
            ("description", "The lamp is out.\r\nSince Monday."), ("reason", "Name removed from the title.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        var page = await app.Client.GetStringAsync($"reports/{id}");
        Assert.Contains("<h1 id=\"report-title\">Streetlight out</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Edited by a moderator", page, StringComparison.Ordinal);

        using (var noNumber = await moderator.SubmitFormAsync($"reports/{id}", $"reports/{id}/moderation/duplicate", ("originalId", "abc"), ("reason", "Same lamp.")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noNumber.StatusCode);
            Assert.Contains("Give the number of the original report.", await noNumber.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var duplicate = await moderator.SubmitFormAsync($"reports/{id}", $"reports/{id}/moderation/duplicate", ("originalId", $"#{original}"), ("reason", "Same lamp.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, duplicate.StatusCode);
        }

        Assert.Contains($"href=\"/reports/{original}\"", await app.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Duplicate, await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));

        using (var hide = await moderator.SubmitFormAsync($"reports/{original}", $"reports/{original}/moderation/hide", ("reason", "Libel.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        }

        using (var gone = await app.Client.GetAsync($"reports/{original}"))
        {
            Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
            Assert.DoesNotContain("moderator-tools", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Staff still get the 410 page, with the form to bring it back.
        using (var staffView = await moderator.GetAsync($"reports/{original}"))
        {
            Assert.Equal(HttpStatusCode.Gone, staffView.StatusCode);
            Assert.Contains($"action=\"/reports/{original}/moderation/unhide\"", await staffView.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var forged = await app.Client.SubmitFormAsync($"reports/{id}", $"reports/{original}/moderation/unhide", ("reason", "Let me.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
            Assert.StartsWith("/admin/sign-in", forged.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using (var noToken = await moderator.PostAsync($"reports/{original}/moderation/unhide", new FormUrlEncodedContent([new("reason", "No token.")])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        }

        using (var unhidden = await moderator.SubmitFormAsync($"reports/{id}", $"reports/{original}/moderation/unhide", ("reason", "Checked: not libel.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, unhidden.StatusCode);
        }

        using (var back = await app.Client.GetAsync($"reports/{original}"))
        {
            Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        }

        var actions = (await app.AuditOfAsync(id)).Select(e => e.Action).ToList();
        Assert.Equal([AuditActions.EditReport, AuditActions.MarkDuplicate], actions);
    }
}
