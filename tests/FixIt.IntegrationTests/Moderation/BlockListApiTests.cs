using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FixIt.Application.Common;
using FixIt.Domain.Access;
using FixIt.Domain.Alerts;
using FixIt.Domain.Messaging;
using FixIt.Domain.Moderation;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using FixIt.IntegrationTests.Open311;
using FixIt.IntegrationTests.Staff;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Moderation;

/// <summary>The block list's admin API: validation and normalisation, the record it leaves, who may use it, what a block does to what exists.</summary>
[Collection(AppsCollection.Name)]
public sealed class BlockListApiTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Blocks_are_validated_normalised_listed_and_on_the_record(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await Moderator.CreateAsync(app);
        var unique = Guid.NewGuid().ToString("N");

        ModerationAssertions.AssertNames(await admin.BlockAsync(null), "value");
        ModerationAssertions.AssertNames(await admin.BlockAsync("not an address"), "value");
        ModerationAssertions.AssertNames(await admin.BlockAsync("eve@[127.0.0.1]"), "value");
        ModerationAssertions.AssertNames(await admin.BlockAsync("localhost"), "value");
        ModerationAssertions.AssertNames(await admin.BlockAsync($"b{unique}.example", null), "reason");
        Assert.Empty(await app.WithDbAsync(db => db.BlockedSenders.Where(b => b.Value.Contains(unique)).ToListAsync()));

        // An IDN domain in any case is stored as lower-case punycode; an address as its mailbox (no +tag, lower case).
        var domain = await admin.BlockedAsync($" Bücher.B{unique}.Example ");
        Assert.Equal($"xn--bcher-kva.b{unique}.example", domain.GetProperty("blocked").GetProperty("value").GetString());
        Assert.Equal("domain", domain.GetProperty("blocked").GetProperty("kind").GetString());
        var address = await admin.BlockedAsync($"Eve+Spam@Other{unique}.Example");
        Assert.Equal($"eve@other{unique}.example", address.GetProperty("blocked").GetProperty("value").GetString());
        Assert.Equal("address", address.GetProperty("blocked").GetProperty("kind").GetString());

        // The same entry in another spelling: a 409 that says so; nothing more is recorded.
        var again = await admin.BlockAsync($"XN--BCHER-KVA.b{unique}.example");
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Contains("already on the block list", again.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var list = await admin.Client.GetFromJsonAsync<JsonElement>("api/admin/blocked-senders");
        var mine = list.EnumerateArray().Where(e => e.GetProperty("value").GetString()!.Contains(unique, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"eve@other{unique}.example", $"xn--bcher-kva.b{unique}.example"], mine.Select(e => e.GetProperty("value").GetString()));
        Assert.All(mine, e => Assert.Equal(admin.Name, e.GetProperty("blockedBy").GetString()));
        Assert.All(mine, e => Assert.Equal("Repeated abuse.", e.GetProperty("reason").GetString()));

        // Unblocking: a reason, an entry that exists (in any spelling).
        ModerationAssertions.AssertNames(await admin.UnblockAsync($"eve@other{unique}.example", " "), "reason");
        ModerationAssertions.AssertNames(await admin.UnblockAsync("nonsense"), "value");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.UnblockAsync($"adam@other{unique}.example")).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.UnblockAsync($"EVE+other@OTHER{unique}.example")).Status);
        Assert.DoesNotContain($"eve@other{unique}.example",
            await admin.Client.GetStringAsync("api/admin/blocked-senders"), StringComparison.Ordinal);

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Target != null && e.Target.Contains(unique))
            .OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditActions.BlockSender, AuditActions.BlockSender, AuditActions.UnblockSender], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal(admin.Name, e.ActorName));
        Assert.Equal("Apologised.", audit[2].Reason);
        Assert.Contains("\"reason\":\"Repeated abuse.\"", audit[2].Before, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"Domain\"", audit[0].After, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Only_admins_block_and_a_staff_session_unblocks_only_with_a_recent_password(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var value = BlockedSenderRequests.UniqueDomain();
        var body = new { value, reason = "Spam." };

        using (var anonymous = await app.Client.PostAsJsonAsync("api/admin/blocked-senders", body))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client.GetAsync("api/admin/blocked-senders")).StatusCode);
        using (var operatorKey = app.ClientWithKey(await app.CreateKeyAsync(ApiKeyRole.Operator, "demo-city-council")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await operatorKey.PostAsJsonAsync("api/admin/blocked-senders", body)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await operatorKey.GetAsync("api/admin/blocked-senders")).StatusCode);
        }

        foreach (var (role, slug) in new[] { (StaffRoles.Moderator, (string?)null), (StaffRoles.Operator, "demo-city-council") })
        {
            using var staff = StaffSignInTests.Browser(app);
            (await AdminSignInTests.SignInAsync(staff, await app.CreateStaffAsync(role, slug), "/admin/account")).Dispose();
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("api/admin/blocked-senders", body)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("api/admin/blocked-senders")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("admin/blocked-senders")).StatusCode);
        }

        Assert.Empty(await app.WithDbAsync(db => db.BlockedSenders.Where(b => b.Value == value).ToListAsync()));

        // An admin's session blocks; unblocking needs the password typed in the last five minutes (sign-in counts).
        var login = await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true);
        using var adminBrowser = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(adminBrowser, login, "/admin/account")).Dispose();
        Assert.Equal(HttpStatusCode.Created, (await adminBrowser.PostAsJsonAsync("api/admin/blocked-senders", body)).StatusCode);
        var entry = Assert.Single(await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Target == value).ToListAsync()));
        Assert.Equal(StaffActorKind.StaffUser, entry.ActorKind);
        Assert.Equal(login.Email, entry.ActorName);

        await BlockedSenderRequests.SetPasswordConfirmedAtAsync(app, login.Email, DateTimeOffset.UtcNow.AddMinutes(-6));
        using (var stale = await adminBrowser.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "api/admin/blocked-senders")
        { Content = JsonContent.Create(new { value, reason = "Forgiven." }) }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, stale.StatusCode);
            Assert.Contains("/admin/reauthenticate", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Single(await app.WithDbAsync(db => db.BlockedSenders.Where(b => b.Value == value).ToListAsync()));
        await BlockedSenderRequests.SetPasswordConfirmedAtAsync(app, login.Email, DateTimeOffset.UtcNow);
        using (var fresh = await adminBrowser.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "api/admin/blocked-senders")
        { Content = JsonContent.Create(new { value, reason = "Forgiven." }) }))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        Assert.Empty(await app.WithDbAsync(db => db.BlockedSenders.Where(b => b.Value == value).ToListAsync()));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Blocking_hides_the_senders_unsent_reports_and_ends_their_subscriptions_and_alerts(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await Moderator.CreateAsync(app);
        var domain = BlockedSenderRequests.UniqueDomain();
        var sender = $"mallory@{domain}";
        var unsentTitle = $"Unsent lamp {Guid.NewGuid():N}";
        var unsent = await SubmitAsync(app, unsentTitle, sender);
        var sent = await SubmitAsync(app, $"Sent lamp {Guid.NewGuid():N}", sender);
        var other = await SubmitAsync(app, $"Someone else's lamp {Guid.NewGuid():N}", MailApps.UniqueEmail("ada"));
        await app.UpdateAsync(sent, r => r.MarkSent("Demo City Council", DateTimeOffset.UtcNow));
        var (subscriptionId, alertId) = await app.WithDbAsync(async db =>
        {
            var subscription = new ReportSubscription(other, sender, DateTimeOffset.UtcNow);
            subscription.Confirm(DateTimeOffset.UtcNow);
            var alert = AreaAlert.ForRadius(sender, 53.8, -1.55, 500, AlertFrequency.Immediate, [], DateTimeOffset.UtcNow);
            alert.Confirm(DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
            db.ReportSubscriptions.Add(subscription);
            db.AreaAlerts.Add(alert);
            await db.SaveChangesAsync();
            return (subscription.Id, alert.Id);
        });

        var blocked = await admin.BlockedAsync(domain);

        Assert.Equal([unsent], blocked.GetProperty("hiddenReports").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(1, blocked.GetProperty("endedSubscriptions").GetInt32());
        Assert.Equal(1, blocked.GetProperty("stoppedAlerts").GetInt32());
        await HideReportTests.AssertRemovedAsync(app.Client, unsent, unsentTitle);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync($"reports/{sent}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync($"reports/{other}")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.ReportSubscriptions.Where(s => s.Id == subscriptionId).Select(s => s.UnsubscribedAt == null).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.AreaAlerts.Where(a => a.Id == alertId).Select(a => a.UnsubscribedAt == null).SingleAsync()));
        var hide = Assert.Single(await app.AuditOfAsync(unsent));
        Assert.Equal(AuditActions.HideReport, hide.Action);
        Assert.StartsWith("The reporter is on the block list: ", hide.Reason, StringComparison.Ordinal);

        // Brought back by a moderator, the report goes to its operator as it would have on confirmation.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"api/admin/reports/{unsent}/unhide", "Checked: genuine.")).Status);
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ReportId == unsent && m.Kind == MailKind.OperatorReport)));
    }

    private static async Task<int> SubmitAsync(FixItApp app, string title, string email)
    {
        var body = ReportRequests.Valid(title);
        body["reporterEmail"] = email;
        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
        await app.ConfirmAsync(id);
        return id;
    }
}
