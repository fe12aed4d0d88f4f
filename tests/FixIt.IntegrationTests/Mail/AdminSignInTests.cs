using System.Net;
using FixIt.Application.Common;
using FixIt.Domain.Access;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;

namespace FixIt.IntegrationTests.Mail;

/// <summary>The admin pages in a browser: a staff admin signed in (password and TOTP code), a cookie, and nothing for anyone else.</summary>
public sealed class AdminSignInTests
{
    [Fact]
    public async Task The_mail_page_sends_a_stranger_to_sign_in_and_shows_an_admin_the_list()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(DatabaseProvider.Sqlite, sink);

        using var anonymous = await app.Client.GetAsync("admin/mail");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/admin/sign-in?returnUrl=%2Fadmin%2Fmail", anonymous.Headers.Location!.OriginalString);

        using var signedIn = await SignInAsAdminAsync(app);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/admin/mail", signedIn.Headers.Location!.OriginalString);
        var page = await app.Client.GetStringAsync("admin/mail");
        Assert.Contains("Email problems", page, StringComparison.Ordinal);

        using var signedOut = await app.Client.SubmitFormAsync("admin/mail", "admin/sign-out");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        using var again = await app.Client.GetAsync("admin/mail");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task Api_keys_no_longer_sign_in_and_other_roles_do_not_see_the_admin_pages()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(DatabaseProvider.Sqlite, sink);

        using var key = await app.Client.SubmitFormAsync("admin/sign-in", "admin/sign-in", ("key", await app.CreateKeyAsync(ApiKeyRole.Admin)));
        Assert.Equal(HttpStatusCode.Unauthorized, key.StatusCode);

        var moderator = await app.CreateStaffAsync(StaffRoles.Moderator);
        using var signedIn = await SignInAsync(app.Client, moderator, "/admin/account");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var page = await app.Client.GetAsync("admin/mail");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/", "/admin/account")]
    [InlineData("//evil.example/", "/admin/account")]
    [InlineData("/\\evil.example/", "/admin/account")]
    [InlineData("/admin/mail?page=2", "/admin/mail?page=2")]
    public async Task After_sign_in_only_a_path_on_this_site_is_followed(string returnUrl, string expected)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(DatabaseProvider.Sqlite, sink);

        using var response = await SignInAsAdminAsync(app, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_sign_in_without_the_antiforgery_field_is_refused()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(DatabaseProvider.Sqlite, sink);
        var moderator = await app.CreateStaffAsync(StaffRoles.Moderator);

        using var response = await app.Client.PostAsync("admin/sign-in",
            new FormUrlEncodedContent([new("email", moderator.Email), new("password", moderator.Password)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var page = await app.Client.GetAsync("admin/account");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    /// <summary>Makes an admin with an authenticator and signs <paramref name="app"/>'s client in as them, as a browser would.</summary>
    internal static async Task<HttpResponseMessage> SignInAsAdminAsync(FixItApp app, string returnUrl = "/admin/mail") =>
        await SignInAsync(app.Client, await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true), returnUrl);

    /// <summary>
    /// Email and password on the sign-in form, then (when the account has an authenticator) the current TOTP code on the
    /// second form; the answer to the last POST.
    /// </summary>
    internal static async Task<HttpResponseMessage> SignInAsync(HttpClient client, StaffLogin login, string returnUrl = "/admin/mail",
        string? password = null)
    {
        var response = await client.SubmitFormAsync("admin/sign-in", "admin/sign-in", ("email", login.Email), ("password", password ?? login.Password),
            ("returnUrl", returnUrl));
        var location = response.Headers.Location?.OriginalString ?? "";
        if (login.AuthenticatorKey is null || !location.StartsWith("/admin/sign-in/two-factor", StringComparison.Ordinal))
        {
            return response;
        }

        response.Dispose();
        var kept = Uri.UnescapeDataString(location[(location.IndexOf("returnUrl=", StringComparison.Ordinal) + "returnUrl=".Length)..]);
        return await client.SubmitFormAsync(location.TrimStart('/'), "admin/sign-in/two-factor", ("code", Totp.NextCode(login.AuthenticatorKey, login.Clock?.GetUtcNow())),
            ("returnUrl", kept));
    }
}
