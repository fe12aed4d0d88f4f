using System.Net;
using FixIt.Application.Common;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;

namespace FixIt.IntegrationTests.Security;

/// <summary>Whatever returnUrl reaches the sign-in form, the answer is a redirect to a path on this site (or the default), never a 500.</summary>
public sealed class SignInReturnUrlTests(SecurityHeadersFixture apps) : IClassFixture<SecurityHeadersFixture>
{
    private const string Default = "/admin/account";

    public static TheoryData<string, string> Cases => new()
    {
        { "/admin/mail?page=2", "/admin/mail?page=2" },
        { "/admin/mail?q=grøn vej", "/admin/mail?q=gr%C3%B8n%20vej" },
        { "/søg/∆/日本", "/s%C3%B8g/%E2%88%86/%E6%97%A5%E6%9C%AC" },
        { "/reports/1?x=\"<b>\"", "/reports/1?x=%22%3Cb%3E%22" },
        { "/%2F%2Fevil.example/", "/%2F%2Fevil.example/" },
        { "%2F%2Fevil.example/", Default },
        { "https://evil.example/", Default },
        { "//evil.example/", Default },
        { "/\\evil.example/", Default },
        { "\\\\evil.example/", Default },
        { "javascript:alert(1)", Default },
        { "JaVaScRiPt:alert(1)", Default },
        { "/\t/evil.example/", Default },
        { "/\n/evil.example/", Default },
        { "/admin\r\nSet-Cookie: stolen=1", Default },
        { "/admin\u0007", Default },
        { "/\u202Eevil", Default },
        { " /admin/mail", Default },
        { "", Default },
        { "/" + new string('a', 5000), Default },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task After_sign_in_a_return_url_is_followed_only_as_a_local_path(string returnUrl, string expected)
    {
        var app = apps.Http;
        using var response = await AdminSignInTests.SignInAsync(app.Client, await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true), returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_sign_in_page_accepts_any_return_url_and_keeps_only_a_local_one(string returnUrl, string expected)
    {
        using var response = await apps.Http.Client.GetAsync("admin/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"name=\"returnUrl\" value=\"{WebUtility.HtmlEncode(expected)}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_cleaned_return_url_for_the_next_try()
    {
        var moderator = await apps.Http.CreateStaffAsync(StaffRoles.Moderator);
        using var response = await AdminSignInTests.SignInAsync(apps.Http.Client, moderator, "/søg", password: "not the password at all");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("name=\"returnUrl\" value=\"/s%C3%B8g\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_field_with_a_nul_is_refused_with_a_page_not_a_500()
    {
        var app = apps.Http;
        // A browser of its own: a signed-in one (from the other tests) gets its session cookie renewed on every answer.
        using var browser = new HttpClient(new BrowserCookies()) { BaseAddress = app.BaseAddress };
        using var signIn = await AdminSignInTests.SignInAsync(browser, await app.CreateStaffAsync(StaffRoles.Moderator), "/admin\u0000");
        using var link = await app.Client.SubmitFormAsync("admin/sign-in", "confirm/not-a-real-token", ("note", "\u0000"));

        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Contains("The form expired", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(signIn.Headers.Contains("Set-Cookie") && signIn.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("fixit-staff=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.BadRequest, link.StatusCode);
    }
}
