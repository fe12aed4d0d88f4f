using System.Net;
using FixIt.Application.Common;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;

namespace FixIt.IntegrationTests.Security;

/// <summary>Every redirect FixIt answers is a path on this site, whatever Host header the browser sent.</summary>
public sealed class ForgedHostRedirectTests
{
    private const string EvilHost = "evil.example";

    [Fact]
    public async Task Every_redirect_is_a_local_path_under_a_forged_host_header()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(DatabaseProvider.Sqlite, sink);
        using var client = new HttpClient(new ForgedHost { InnerHandler = new BrowserCookies() }) { BaseAddress = app.BaseAddress };

        AssertLocal(await client.GetAsync("admin/mail"), "/admin/sign-in?returnUrl=%2Fadmin%2Fmail");
        AssertLocal(await client.GetAsync("admin/mail?page=2"), "/admin/sign-in?returnUrl=%2Fadmin%2Fmail%3Fpage%3D2");
        using (var script = new HttpRequestMessage(HttpMethod.Get, "admin/mail"))
        {
            script.Headers.Add("X-Requested-With", "XMLHttpRequest");
            using var answer = await client.SendAsync(script);
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
            Assert.Equal("/admin/sign-in?returnUrl=%2Fadmin%2Fmail", answer.Headers.Location!.OriginalString);
        }

        AssertLocal(await AdminSignInTests.SignInAsync(client, await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true)), "/admin/mail");
        AssertLocal(await client.SubmitFormAsync("admin/mail", "admin/sign-out"), "/admin/sign-in");

        var reporter = MailApps.UniqueEmail("host");
        using var submitted = await client.SubmitFormAsync("?lat=53.8&lon=-1.55", "reports", ("category", "street-lighting"),
            ("title", "Forged host lamp"), ("description", "Out."), ("lat", "53.8"), ("lon", "-1.55"), ("name", "Ada"), ("email", reporter));
        var location = AssertLocal(submitted, null);
        var id = int.Parse(location.Split('/', '?')[2], System.Globalization.CultureInfo.InvariantCulture);

        var confirmation = await sink.WaitForAsync(m => m.To == reporter, "the confirmation email");
        var secret = MailApps.LinkPath(confirmation, $"reports/{id}/pending/");
        AssertLocal(await client.SubmitFormAsync(secret, $"{secret}/resend"), $"/{secret}?resent=1");
        AssertLocal(await client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "confirm/")), $"/reports/{id}");
        AssertLocal(await client.GetAsync(secret), $"/reports/{id}");
    }

    private static string AssertLocal(HttpResponseMessage response, string? expected)
    {
        using (response)
        {
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, $"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode}");
            var location = response.Headers.Location!.OriginalString;
            Assert.DoesNotContain(EvilHost, location, StringComparison.OrdinalIgnoreCase);
            Assert.StartsWith("/", location, StringComparison.Ordinal);
            Assert.False(location.StartsWith("//", StringComparison.Ordinal), location);
            if (expected is not null)
            {
                Assert.Equal(expected, location);
            }

            return location;
        }
    }

    private sealed class ForgedHost : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Host = EvilHost;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
