using System.Net;
using System.Text.RegularExpressions;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.FollowUp;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Mail;

/// <summary>
/// The one confirm-by-email flow behind a resident's update, following and "me too" (ADR 0216): a link is redeemed only
/// by its own action, and a used or expired link answers the same for all three.
/// </summary>
public sealed partial class ResidentLinkFlowTests
{
    private static readonly string[] Actions = ["update", "subscribe", "support"];

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_link_of_one_action_cannot_redeem_another(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, fakeClock: true);
        var (id, links) = await ThreeLinksAsync(app, sink, "cross");
        var form = AntiforgeryField(await app.Client.GetStringAsync($"update/{links["update"]}"));

        foreach (var route in Actions)
        {
            foreach (var (action, token) in links.Where(l => l.Key != route))
            {
                using var page = await app.Client.GetAsync($"{route}/{token}");
                Assert.True(page.StatusCode == HttpStatusCode.NotFound, $"GET {route}/ with a {action} link: {(int)page.StatusCode}");
                Assert.Contains("Link not found", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

                using var posted = await app.Client.PostAsync($"{route}/{token}", new FormUrlEncodedContent([form, new("text", "Not mine to add.")]));
                Assert.True(posted.StatusCode == HttpStatusCode.NotFound, $"POST {route}/ with a {action} link: {(int)posted.StatusCode}");
                Assert.Contains("Link not found", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        // Nothing was confirmed, added or used, and each link still works for its own action.
        Assert.Equal(0, await app.WithDbAsync(db => db.ReportSubscriptions.CountAsync(s => s.ReportId == id && s.ConfirmedAt != null)));
        Assert.Equal(0, await app.WithDbAsync(db => db.ReportSupports.CountAsync(s => s.ReportId == id && s.ConfirmedAt != null)));
        Assert.Equal(0, await app.WithDbAsync(db => db.ReportEvents.CountAsync(e => e.ReportId == id && e.Source == EventSource.Web)));
        Assert.Equal(0, await app.WithDbAsync(db => db.AccessTokens.CountAsync(t => t.ReportId == id && t.UsedAt != null && t.Purpose != TokenPurpose.Confirm)));
        foreach (var (action, token) in links)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync($"{action}/{token}")).StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_used_link_says_used_and_an_expired_one_expired_for_all_three(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, fakeClock: true);
        var (id, links) = await ThreeLinksAsync(app, sink, "used");
        var forms = new Dictionary<string, KeyValuePair<string, string>>();
        foreach (var (action, token) in links)
        {
            forms[action] = AntiforgeryField(await app.Client.GetStringAsync($"{action}/{token}"));
            using var used = await app.Client.SubmitLinkFormAsync($"{action}/{token}", ("text", "The lamp flickers at night."));
            Assert.True(used.IsSuccessStatusCode || used.StatusCode == HttpStatusCode.Redirect, $"{action}: {(int)used.StatusCode}");
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.ReportSubscriptions.CountAsync(s => s.ReportId == id && s.ConfirmedAt != null)));
        Assert.Equal(1, await app.WithDbAsync(db => db.ReportSupports.CountAsync(s => s.ReportId == id && s.ConfirmedAt != null)));
        Assert.Equal(1, await app.WithDbAsync(db => db.ReportEvents.CountAsync(e => e.ReportId == id && e.Source == EventSource.Web)));

        // Again, as a mail scanner (GET) or a second press (POST): the same "used" page, whatever the action.
        foreach (var (action, token) in links)
        {
            using var page = await app.Client.GetAsync($"{action}/{token}");
            await AssertProblemAsync(page, HttpStatusCode.Gone, "Link already used", "This link has already been used; it works only once.", action);
            using var again = await app.Client.PostAsync($"{action}/{token}", new FormUrlEncodedContent([forms[action], new("text", "Twice?")]));
            await AssertProblemAsync(again, HttpStatusCode.Gone, "Link already used", "This link has already been used; it works only once.", action);
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.ReportEvents.CountAsync(e => e.ReportId == id && e.Source == EventSource.Web)));

        // Fresh links, past the longest lifetime (the update link's 90 days): "expired" for all three, and nothing done.
        var (_, fresh) = await ThreeLinksAsync(app, sink, "late", id);
        app.Clock!.Advance(TimeSpan.FromDays(90) + TimeSpan.FromHours(1));
        foreach (var (action, token) in fresh)
        {
            using var page = await app.Client.GetAsync($"{action}/{token}");
            await AssertProblemAsync(page, HttpStatusCode.Gone, "Link expired", "This link has expired.", action);
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.ReportSubscriptions.CountAsync(s => s.ReportId == id && s.ConfirmedAt != null)));
    }

    /// <summary>
    /// An open, sent report (or <paramref name="reportId"/>) and one unused link of each action: the reporter's update link
    /// asked for on the report page, and a neighbour's follow and "me too" confirmations. Tokens by route.
    /// </summary>
    private static async Task<(int Id, Dictionary<string, string> Links)> ThreeLinksAsync(FixItApp app, SmtpSink sink, string name, int? reportId = null)
    {
        var reporter = MailApps.UniqueEmail($"{name}-rep");
        var id = reportId ?? (await FollowUpFlow.SentReportAsync(app, sink, reporter, $"Lamp out on {name} Street")).Id;
        if (reportId is not null)
        {
            reporter = await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.ReporterEmail).SingleAsync());
        }

        var neighbour = MailApps.UniqueEmail($"{name}-nbr");
        var links = new Dictionary<string, string>();
        foreach (var (action, to, subject) in new[] { ("update-link", reporter, "Add your update"), ("subscribe", neighbour, "Confirm: updates on"),
            ("support", neighbour, "Confirm: you have this problem too") })
        {
            var seen = sink.Received.ToHashSet();
            using (var asked = await app.Client.SubmitFormAsync($"reports/{id}", $"reports/{id}/{action}", ("email", to)))
            {
                Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            }

            var mail = await sink.WaitForAsync(m => m.To == to && m.Subject.Contains(subject, StringComparison.Ordinal) && !seen.Contains(m),
                $"the {action} email");
            var route = action == "update-link" ? "update" : action;
            links[route] = MailApps.LinkPath(mail, route + "/")[(route.Length + 1)..];
        }

        return (id, links);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title, string message, string action)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{action}: {(int)response.StatusCode}\n{html}");
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(message), html, StringComparison.Ordinal);
    }

    private static KeyValuePair<string, string> AntiforgeryField(string html)
    {
        var hidden = HiddenField().Match(html);
        Assert.True(hidden.Success, "No antiforgery field");
        return new(WebUtility.HtmlDecode(hidden.Groups[1].Value), WebUtility.HtmlDecode(hidden.Groups[2].Value));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"")]
    private static partial Regex HiddenField();
}
