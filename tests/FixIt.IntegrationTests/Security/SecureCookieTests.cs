using System.Net;
using FixIt.Application.Common;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;

namespace FixIt.IntegrationTests.Security;

/// <summary>
/// Cookies are Secure when the public base URL is https, although the request FixIt sees is plain http (as behind a
/// TLS-terminating proxy); an http site still gets its cookies back.
/// </summary>
public sealed class SecureCookieTests(SecurityHeadersFixture apps) : IClassFixture<SecurityHeadersFixture>
{
    [Fact]
    public async Task Every_cookie_of_an_https_site_is_secure_even_over_a_plain_http_hop()
    {
        var app = apps.Https;
        using var form = await app.Client.GetAsync("");
        using var signedIn = await AdminSignInTests.SignInAsAdminAsync(app);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookies = SetCookies(form).Concat(SetCookies(signedIn)).ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("fixit-staff=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, c => Assert.Contains("; httponly", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Cookies_of_an_http_site_are_not_marked_secure_so_sign_in_still_works()
    {
        var app = apps.Http;
        using var signedIn = await AdminSignInTests.SignInAsAdminAsync(app);
        using var page = await NewBrowser(app).GetAsync("admin/sign-in");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookies = SetCookies(signedIn).Concat(SetCookies(page)).ToList();
        Assert.Contains(cookies, c => c.StartsWith("fixit-staff=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));

        // A stock HttpClient over http (which drops Secure cookies) stays signed in: the cookie came back.
        var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = app.BaseAddress };
        using var signedInAgain = await AdminSignInTests.SignInAsync(browser, await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true));
        using var mail = await browser.GetAsync("admin/mail");
        Assert.Equal(HttpStatusCode.Redirect, signedInAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, mail.StatusCode);
    }

    private static HttpClient NewBrowser(FixItApp app) => new(new BrowserCookies()) { BaseAddress = app.BaseAddress };

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
