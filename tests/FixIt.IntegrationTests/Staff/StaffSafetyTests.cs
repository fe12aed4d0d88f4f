using System.Net;
using FixIt.Application.Common;
using FixIt.Domain.Messaging;
using FixIt.Domain.Moderation;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Staff;

/// <summary>
/// What an outside test found in the staff accounts: a TOTP code that worked twice, staff changes missing from the audit
/// log, the last admin able to demote or disable themselves, and reset emails without a per-mailbox cap.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class StaffSafetyTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_TOTP_code_signs_in_once_and_a_second_browser_with_the_same_code_is_refused(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var admin = await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true);
        var code = Totp.Code(admin.AuthenticatorKey!);

        using var first = StaffSignInTests.Browser(app);
        using var firstSignIn = await PasswordThenCodeAsync(first, admin, code);
        Assert.Equal("/admin/account", firstSignIn.Headers.Location?.OriginalString);

        using var second = StaffSignInTests.Browser(app);
        using var replay = await PasswordThenCodeAsync(second, admin, code);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        using var notIn = await second.GetAsync("admin/account");
        Assert.Equal(HttpStatusCode.Redirect, notIn.StatusCode);

        // The next step's code still works, and a code from before the one used does not.
        var now = DateTimeOffset.UtcNow;
        using var third = StaffSignInTests.Browser(app);
        using var older = await PasswordThenCodeAsync(third, admin, Totp.Code(admin.AuthenticatorKey!, now.AddSeconds(-30)));
        Assert.Equal(HttpStatusCode.Unauthorized, older.StatusCode);
        using var later = await PasswordThenCodeAsync(third, admin, Totp.Code(admin.AuthenticatorKey!, now.AddSeconds(30)));
        Assert.Equal("/admin/account", later.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Inviting_changing_a_role_and_disabling_are_on_the_audit_log_with_before_and_after(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var adminLogin = await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true);
        using var admin = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(admin, adminLogin, "/admin/staff")).Dispose();
        var email = $"audited.{Guid.NewGuid():N}@example.org";

        (await admin.SubmitFormAsync("admin/staff", "admin/staff", ("email", email), ("role", "operator"), ("operator", "demo-buses"))).Dispose();
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        using var changed = await admin.SubmitFormAsync("admin/staff", $"admin/staff/{id}/role", ("role", "moderator"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        using var disabled = await admin.SubmitFormAsync("admin/staff", $"admin/staff/{id}/disable");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);

        var entries = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Target == $"staff:{id}").OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditActions.CreateStaff, AuditActions.ChangeStaffRole, AuditActions.DisableStaff], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((StaffActorKind.StaffUser, adminLogin.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (e.ActorKind, e.ActorId)));
        Assert.Contains("\"role\":\"operator\"", entries[1].Before, StringComparison.Ordinal);
        Assert.Contains("\"role\":\"moderator\"", entries[1].After, StringComparison.Ordinal);
        Assert.Contains("\"disabled\":true", entries[2].After, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task The_last_admin_can_be_neither_demoted_nor_disabled(DatabaseProvider provider)
    {
        // A database of its own: the shared one has admins from other tests.
        await using var app = await FixItApp.StartAsync(provider, new Dictionary<string, string?> { ["RateLimits:SignIn:PermitLimit"] = "100000" });
        var onlyLogin = await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true);
        using var only = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(only, onlyLogin, "/admin/staff")).Dispose();

        using var demote = await only.SubmitFormAsync("admin/staff", $"admin/staff/{onlyLogin.Id}/role", ("role", "moderator"));
        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Contains("the only admin left", await demote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var disable = await only.SubmitFormAsync("admin/staff", $"admin/staff/{onlyLogin.Id}/disable");
        Assert.Equal(HttpStatusCode.BadRequest, disable.StatusCode);
        Assert.Contains("the only admin left", await disable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));

        // With a second admin, stepping down is allowed.
        await app.CreateStaffAsync(StaffRoles.Admin);
        using var stepDown = await only.SubmitFormAsync("admin/staff", $"admin/staff/{onlyLogin.Id}/role", ("role", "moderator"));
        Assert.Equal(HttpStatusCode.Redirect, stepDown.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Reset_emails_to_one_staff_mailbox_stop_at_the_daily_cap_with_the_same_answer(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var moderator = await app.CreateStaffAsync(StaffRoles.Moderator);
        var variants = new[] { moderator.Email, moderator.Email.ToUpperInvariant(), moderator.Email, moderator.Email, moderator.Email };

        foreach (var email in variants)
        {
            using var stranger = StaffSignInTests.Browser(app);
            using var asked = await stranger.SubmitFormAsync("admin/forgot-password", "admin/forgot-password", ("email", email));
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        }

        var sent = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == MailKind.StaffPasswordReset).Select(m => m.ToAddress).ToListAsync());
        Assert.Equal(3, sent.Count(to => string.Equals(to, moderator.Email, StringComparison.OrdinalIgnoreCase)));
    }

    private static async Task<HttpResponseMessage> PasswordThenCodeAsync(HttpClient browser, StaffLogin login, string code)
    {
        (await browser.SubmitFormAsync("admin/sign-in", "admin/sign-in", ("email", login.Email), ("password", login.Password),
            ("returnUrl", "/admin/account"))).Dispose();
        return await browser.SubmitFormAsync("admin/sign-in/two-factor", "admin/sign-in/two-factor", ("code", code), ("returnUrl", "/admin/account"));
    }
}
