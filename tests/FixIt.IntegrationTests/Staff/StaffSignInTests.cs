using System.Net;
using System.Text.RegularExpressions;
using FixIt.Application.Common;
using FixIt.Infrastructure.Persistence;
using FixIt.Infrastructure.Staff;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.IntegrationTests.Staff;

/// <summary>Staff sign-in on both providers: password, lockout, two-factor for admins, sign-out everywhere, the admin API by cookie.</summary>
[Collection(AppsCollection.Name)]
public sealed partial class StaffSignInTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_moderator_signs_in_with_email_and_password_and_signs_out(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var moderator = await app.CreateStaffAsync(StaffRoles.Moderator);
        using var browser = Browser(app);

        using var signedIn = await AdminSignInTests.SignInAsync(browser, moderator, "/admin/account");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/admin/account", signedIn.Headers.Location!.OriginalString);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("fixit-staff=", StringComparison.Ordinal));
        Assert.Contains("; samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        var page = await browser.GetStringAsync("admin/account");
        Assert.Contains(moderator.Email, page, StringComparison.Ordinal);
        Assert.Contains("<dd data-testid=\"role\">moderator</dd>", page, StringComparison.Ordinal);

        using var signedOut = await browser.SubmitFormAsync("admin/account", "admin/sign-out");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        using var after = await browser.GetAsync("admin/account");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var moderator = await app.CreateStaffAsync(StaffRoles.Moderator);
        using var browser = Browser(app);

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await AdminSignInTests.SignInAsync(browser, moderator, password: $"wrong password number {i}");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains("do not match a staff account", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Locked: the right password is refused with the same words as a wrong one, so a stranger cannot tell a locked
        // (existing) account from an address that has none.
        using var right = await AdminSignInTests.SignInAsync(browser, moderator);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        var lockedPage = await right.Content.ReadAsStringAsync();
        Assert.Contains("do not match a staff account, or the account is locked", lockedPage, StringComparison.Ordinal);
        using var page = await browser.GetAsync("admin/account");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);

        // An unknown address gets the same answer, however often it is tried: the form does not say who has an account.
        for (var i = 0; i < 6; i++)
        {
            using var unknown = await AdminSignInTests.SignInAsync(browser, moderator with { Email = "nobody@example.org" });
            Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
            Assert.NotEmpty(Message(lockedPage));
            Assert.Equal(Message(lockedPage), Message(await unknown.Content.ReadAsStringAsync()));
        }
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task An_admin_without_two_factor_is_sent_to_enrol_first_and_then_signs_in_with_a_TOTP_code(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var admin = await app.CreateStaffAsync(StaffRoles.Admin);
        using var browser = Browser(app);

        using var signedIn = await AdminSignInTests.SignInAsync(browser, admin, "/admin/mail");
        Assert.Equal("/admin/mail", signedIn.Headers.Location!.OriginalString);
        foreach (var path in new[] { "admin/mail", "admin/staff", "admin/account" })
        {
            using var sent = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.Equal("/admin/account/two-factor", sent.Headers.Location!.OriginalString);
        }

        using var api = await browser.GetAsync("api/admin/rules");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);

        // The enrolment page shows the QR code as an image of its own (data URI) and the key; the key is the one stored.
        var enrol = await browser.GetStringAsync("admin/account/two-factor");
        Assert.Contains("src=\"data:image/png;base64,", enrol, StringComparison.Ordinal);
        var key = await KeyOfAsync(app, admin);
        Assert.Contains(Grouped(key), enrol, StringComparison.Ordinal);

        using var wrongCode = await browser.SubmitFormAsync("admin/account/two-factor", "admin/account/two-factor", ("code", "000000"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.StatusCode);
        using var enrolled = await browser.SubmitFormAsync("admin/account/two-factor", "admin/account/two-factor", ("code", Totp.NextCode(key)));
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        var codes = RecoveryCode().Matches(await enrolled.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        using var mail = await browser.GetAsync("admin/mail");
        Assert.Equal(HttpStatusCode.OK, mail.StatusCode);

        // Next time the password is not enough: a code follows, and a wrong one is refused.
        using var other = Browser(app);
        using var password = await other.SubmitFormAsync("admin/sign-in", "admin/sign-in", ("email", admin.Email), ("password", admin.Password),
            ("returnUrl", "/admin/mail"));
        Assert.StartsWith("/admin/sign-in/two-factor", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var notYet = await other.GetAsync("admin/mail");
        Assert.Equal(HttpStatusCode.Redirect, notYet.StatusCode);
        Assert.StartsWith("/admin/sign-in?", notYet.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var wrong = await other.SubmitFormAsync("admin/sign-in/two-factor", "admin/sign-in/two-factor", ("code", "123456"), ("returnUrl", "/admin/mail"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        // Recovery codes are upper case; typed in lower case they are the same code.
        using var recovery = await other.SubmitFormAsync("admin/sign-in/two-factor", "admin/sign-in/two-factor", ("code", codes[0].ToLowerInvariant()),
            ("returnUrl", "/admin/mail"));
        Assert.Equal("/admin/mail", recovery.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("admin/mail")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Sign_out_everywhere_ends_every_browsers_session(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var moderator = await app.CreateStaffAsync(StaffRoles.Moderator);
        using var laptop = Browser(app);
        using var phone = Browser(app);
        (await AdminSignInTests.SignInAsync(laptop, moderator, "/admin/account")).Dispose();
        (await AdminSignInTests.SignInAsync(phone, moderator, "/admin/account")).Dispose();
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("admin/account")).StatusCode);

        using var everywhere = await laptop.SubmitFormAsync("admin/account", "admin/sign-out", ("everywhere", "true"));

        Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);
        using var phoneAfter = await phone.GetAsync("admin/account");
        Assert.Equal(HttpStatusCode.Redirect, phoneAfter.StatusCode);
        Assert.StartsWith("/admin/sign-in", phoneAfter.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task The_admin_api_takes_an_admins_cookie_refuses_a_moderators_and_still_takes_keys(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = Browser(app);
        (await AdminSignInTests.SignInAsync(admin, await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true), "/admin/account")).Dispose();
        using var moderator = Browser(app);
        (await AdminSignInTests.SignInAsync(moderator, await app.CreateStaffAsync(StaffRoles.Moderator), "/admin/account")).Dispose();
        using var key = await app.AdminClientAsync();
        using var nobody = new HttpClient { BaseAddress = app.BaseAddress };

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("api/admin/rules")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await key.GetAsync("api/admin/rules")).StatusCode);
        using var refused = await moderator.GetAsync("api/admin/rules");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var anonymous = await nobody.GetAsync("api/admin/rules");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
    }

    internal static HttpClient Browser(FixItApp app) => new(new BrowserCookies()) { BaseAddress = app.BaseAddress };

    private static async Task<string> KeyOfAsync(FixItApp app, StaffLogin login)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return (await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(login.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))!))!;
    }

    private static string Grouped(string key) =>
        string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();

    private static string Message(string page) => ErrorMessage().Match(page).Groups[1].Value;

    [GeneratedRegex("<p class=\"error\" role=\"alert\" data-testid=\"error\">([^<]+)</p>")]
    private static partial Regex ErrorMessage();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
