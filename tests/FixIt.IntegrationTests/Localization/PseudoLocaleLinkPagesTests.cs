using System.Globalization;
using System.Net;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Alerts;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;

namespace FixIt.IntegrationTests.Localization;

/// <summary>
/// The pages behind a resident's emailed links and forms in the pseudo-locale: signed-in "My reports" with its notices,
/// refusals and the erasure, the link pages (used, expired, unknown, form expired, alerts started), the rate limiter's
/// page, and the status-code pages of an unknown address and a wrong method.
/// </summary>
public sealed partial class PseudoLocaleTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task My_reports_link_pages_and_status_pages_show_only_text_from_the_resources(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, settings =>
        {
            settings["Localization:PseudoLocale"] = "true";
            settings["RateLimits:MyReports:PermitLimit"] = "2";
            settings["RateLimits:MyReports:WindowSeconds"] = "3600";
        }, fakeClock: true);
        app.Client.DefaultRequestHeaders.Add("Accept-Language", "qps-Ploc");
        var reporter = MailApps.UniqueEmail("pseudo");
        var id = await OutboxFaultTests.SubmitAsync(app, reporter, Title);
        var confirmPath = MailApps.LinkPath(await sink.WaitForAsync(m => m.To == reporter, "the confirmation"), "confirm/");
        (await app.Client.SubmitLinkFormAsync(confirmPath)).Dispose();
        var data = (await DataAsync(app)).Append(reporter).OrderByDescending(n => n.Length).ToList();
        var failures = new List<string>();

        async Task CheckAsync(string what, HttpResponseMessage response, HttpStatusCode status)
        {
            using (response)
            {
                var html = await response.Content.ReadAsStringAsync();
                Assert.True(status == response.StatusCode, $"{what}: {(int)response.StatusCode}\n{html}");
                Assert.Contains("<html lang=\"qps-Ploc\">", html, StringComparison.Ordinal);
                failures.AddRange(NotFromResources(html, data).Select(text => $"{what}: “{text}”"));
            }
        }

        // My reports: the link asked for, opened; the list, its notices and refusals.
        await CheckAsync("check your email", await app.Client.SubmitFormAsync("my", "my", ("email", reporter)), HttpStatusCode.OK);
        var link = MailApps.LinkPath(await sink.WaitForAsync(m => m.To == reporter && m.Text.Contains("/my/link/", StringComparison.Ordinal),
            "the My reports link"), "my/link/");
        using (var opened = await app.Client.SubmitLinkFormAsync(link))
        {
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        }

        var list = await app.Client.GetAsync("my/reports");
        Assert.Contains($"data-report=\"{id.ToString(CultureInfo.InvariantCulture)}\"", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await CheckAsync("my reports", list, HttpStatusCode.OK);
        // Each action's one-time notice, shown by the list the action redirects to.
        foreach (var (action, field) in new[] { ("my/hide-name", ("report", "all")), ("my/unsubscribe", ("x", "")), ("my/erase", ("removePhotos", "")) })
        {
            using (var acted = await app.Client.SubmitFormAsync("my/reports", action, field))
            {
                Assert.Equal(HttpStatusCode.Redirect, acted.StatusCode);
            }

            var shown = await app.Client.GetAsync("my/reports");
            Assert.Contains("data-testid=\"notice\"", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            await CheckAsync(action, shown, HttpStatusCode.OK);
        }

        await CheckAsync("used link", await app.Client.GetAsync(link), HttpStatusCode.Gone);
        await CheckAsync("unknown link", await app.Client.GetAsync("my/link/" + new string('A', 43)), HttpStatusCode.NotFound);
        await CheckAsync("bad report field", await app.Client.SubmitFormAsync("my/reports", "my/hide-name", ("report", "mine")), HttpStatusCode.BadRequest);
        await CheckAsync("bad confirm field", await app.Client.SubmitFormAsync("my/reports", "my/erase", ("confirm", "maybe")), HttpStatusCode.BadRequest);
        await CheckAsync("my reports form expired",
            await app.Client.PostAsync("my/erase", new FormUrlEncodedContent([new("confirm", "yes")])), HttpStatusCode.BadRequest);
        await CheckAsync("link form expired",
            await app.Client.PostAsync(confirmPath, new FormUrlEncodedContent([new("x", "y")])), HttpStatusCode.BadRequest);

        // An alert started from its emailed link: the place worded in the page's language.
        var watcher = MailApps.UniqueEmail("watcher");
        (await app.Client.SubmitFormAsync("alerts", "alerts", ("email", watcher), ("kind", "radius"), ("lat", AlertFlow.Number(AlertFlow.ParkRowLat)),
            ("lon", AlertFlow.Number(AlertFlow.ParkRowLon)), ("radius", "1500"), ("frequency", "immediate"))).Dispose();
        var alertLink = MailApps.LinkPath(await sink.WaitForAsync(m => m.To == watcher, "the alert confirmation"), "alerts/confirm/");
        await CheckAsync("alert link", await app.Client.GetAsync(alertLink), HttpStatusCode.OK);
        await CheckAsync("alerts started", await app.Client.SubmitLinkFormAsync(alertLink), HttpStatusCode.OK);

        // Status-only answers to a browser: an unknown address, a method the address does not take.
        await CheckAsync("unknown route", await app.Client.SendAsync(Html(HttpMethod.Get, "no-such-page")), HttpStatusCode.NotFound);
        await CheckAsync("wrong method", await app.Client.SendAsync(Html(HttpMethod.Delete, "privacy")), HttpStatusCode.MethodNotAllowed);

        // Erased; then a second link that expires; then one request too many.
        await CheckAsync("erased", await app.Client.SubmitFormAsync("my/reports", "my/erase", ("confirm", "yes")), HttpStatusCode.OK);
        var other = MailApps.UniqueEmail("later");
        await OutboxFaultTests.SubmitAsync(app, other, Title);
        (await app.Client.SubmitFormAsync("my", "my", ("email", other))).Dispose();
        var late = MailApps.LinkPath(await sink.WaitForAsync(m => m.To == other && m.Text.Contains("/my/link/", StringComparison.Ordinal),
            "the second My reports link"), "my/link/");
        app.Clock!.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        await CheckAsync("expired link", await app.Client.GetAsync(late), HttpStatusCode.Gone);
        await CheckAsync("rate limited", await app.Client.SubmitFormAsync("my", "my", ("email", other)), HttpStatusCode.TooManyRequests);

        Assert.True(failures.Count == 0, "Text not from the resources:\n" + string.Join("\n", failures.Distinct()));
    }

    private static HttpRequestMessage Html(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        return request;
    }
}
