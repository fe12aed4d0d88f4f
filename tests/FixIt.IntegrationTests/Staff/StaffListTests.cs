using System.Net;
using System.Text.RegularExpressions;
using FixIt.Application.Common;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using FixIt.Infrastructure.Staff;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.IntegrationTests.Staff;

/// <summary>The staff list: an emailed invitation whose link works once, a role change behind re-authentication, disabling.</summary>
[Collection(AppsCollection.Name)]
public sealed partial class StaffListTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task An_invitation_is_emailed_and_its_link_sets_a_password_once(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(admin, await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true), "/admin/staff")).Dispose();
        var email = $"new.{Guid.NewGuid():N}@example.org";

        using var invited = await admin.SubmitFormAsync("admin/staff", "admin/staff", ("email", email), ("role", "operator"), ("operator", "demo-buses"));
        // Redirect after post (a refresh does not invite again), with a one-time notice.
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Equal("/admin/staff", invited.Headers.Location!.OriginalString);
        Assert.Contains($"Invitation sent to {email}.", await admin.GetStringAsync("admin/staff"), StringComparison.Ordinal);
        Assert.DoesNotContain("Invitation sent to", await admin.GetStringAsync("admin/staff"), StringComparison.Ordinal);

        var message = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == email));
        Assert.Equal(MailKind.StaffInvitation, message.Kind);
        var link = new Uri(SetPasswordLink().Match(message.TextBody).Value).AbsolutePath.TrimStart('/');
        using var person = StaffSignInTests.Browser(app);
        using var set = await person.SubmitFormAsync(link, link, ("password", "a long enough passphrase"), ("confirm", "a long enough passphrase"));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Contains("Your password is set.", await set.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var signedIn = await AdminSignInTests.SignInAsync(person, new StaffLogin(0, email, "a long enough passphrase", null), "/admin/account");
        Assert.Equal("/admin/account", signedIn.Headers.Location!.OriginalString);
        Assert.Contains("operator for demo-buses", await person.GetStringAsync("admin/account"), StringComparison.Ordinal);

        // Used once: the page and the form both say the link is dead, and the password stays.
        using var again = await person.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        using var stranger = StaffSignInTests.Browser(app);
        using var reuse = await stranger.SubmitFormAsync("admin/forgot-password", link, ("password", "someone else's password"),
            ("confirm", "someone else's password"));
        Assert.Equal(HttpStatusCode.Gone, reuse.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Changing_a_role_needs_the_password_typed_in_the_last_five_minutes(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var adminLogin = await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true);
        using var admin = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(admin, adminLogin, "/admin/staff")).Dispose();
        var target = await app.CreateStaffAsync(StaffRoles.Operator, "demo-buses");
        using var targetBrowser = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(targetBrowser, target, "/admin/account")).Dispose();
        await SetPasswordConfirmedAtAsync(app, adminLogin, DateTimeOffset.UtcNow.AddMinutes(-6));

        using var stale = await admin.SubmitFormAsync("admin/staff", $"admin/staff/{target.Id}/role", ("role", "moderator"));
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal("/admin/reauthenticate?returnUrl=%2Fadmin%2Fstaff", stale.Headers.Location!.OriginalString);
        using var wrong = await admin.SubmitFormAsync("admin/reauthenticate", "admin/reauthenticate", ("password", "not my password at all"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var confirmed = await admin.SubmitFormAsync("admin/reauthenticate?returnUrl=%2Fadmin%2Fstaff", "admin/reauthenticate",
            ("password", adminLogin.Password), ("returnUrl", "/admin/staff"));
        Assert.Equal("/admin/staff", confirmed.Headers.Location!.OriginalString);

        using var changed = await admin.SubmitFormAsync("admin/staff", $"admin/staff/{target.Id}/role", ("role", "moderator"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/admin/staff", changed.Headers.Location!.OriginalString);
        Assert.Contains("Role changed.", await admin.GetStringAsync("admin/staff"), StringComparison.Ordinal);
        // The target's session picks the change up at once: signed out (the stamp changed), and a new sign-in is a moderator.
        using var targetAfter = await targetBrowser.GetAsync("admin/account");
        Assert.Equal(HttpStatusCode.Redirect, targetAfter.StatusCode);
        (await AdminSignInTests.SignInAsync(targetBrowser, target, "/admin/account")).Dispose();
        Assert.Contains("<dd data-testid=\"role\">moderator</dd>", await targetBrowser.GetStringAsync("admin/account"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Only_admins_see_the_staff_list_and_a_disabled_account_is_signed_out(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(admin, await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true), "/admin/staff")).Dispose();
        var moderatorLogin = await app.CreateStaffAsync(StaffRoles.Moderator);
        using var moderator = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(moderator, moderatorLogin, "/admin/account")).Dispose();

        using var refused = await moderator.GetAsync("admin/staff");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var list = await admin.GetStringAsync("admin/staff");
        Assert.Contains(moderatorLogin.Email, list, StringComparison.Ordinal);

        using var disabled = await admin.SubmitFormAsync("admin/staff", $"admin/staff/{moderatorLogin.Id}/disable");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Contains($"{moderatorLogin.Email} is disabled.", await admin.GetStringAsync("admin/staff"), StringComparison.Ordinal);
        using var after = await moderator.GetAsync("admin/account");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        using var again = await AdminSignInTests.SignInAsync(moderator, moderatorLogin, "/admin/account");
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    private static async Task SetPasswordConfirmedAtAsync(FixItApp app, StaffLogin login, DateTimeOffset at)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync(login.Email))!;
        user.PasswordConfirmedAt = at;
        await users.UpdateAsync(user);
    }

    [GeneratedRegex(@"https?://\S+/admin/set-password/\S+")]
    internal static partial Regex SetPasswordLink();
}
