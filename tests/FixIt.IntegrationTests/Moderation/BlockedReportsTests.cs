using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using FixIt.IntegrationTests.Open311;
using FixIt.IntegrationTests.Unconfirmed;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Moderation;

/// <summary>
/// Reports from a blocked address or domain, on every channel (JSON API, web form, Open311): the same answers as anyone
/// else's, the confirmation email and its link included, but the report stays hidden and no operator is sent it.
/// </summary>
public sealed partial class BlockedReportsTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Reports_from_blocked_senders_get_the_usual_answers_on_every_channel_and_stay_hidden_and_unsent(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, s => s["Open311:ApiKeys:1"] = Open311Fixture.PlainKey);
        using var admin = await Moderator.CreateAsync(app);
        var domain = BlockedSenderRequests.UniqueDomain();
        var eve = MailApps.UniqueEmail("eve");
        await admin.BlockedAsync(domain);
        await admin.BlockedAsync(eve);

        // A subdomain of the blocked domain, and the blocked address in another spelling (case, +tag), beside someone not blocked.
        var senders = new (string Email, bool Blocked)[]
        {
            ($"mallory@mail.{domain.ToUpperInvariant()}", true),
            (eve.Replace("@", "+reports@", StringComparison.Ordinal).ToUpperInvariant(), true),
            (MailApps.UniqueEmail("ada"), false),
        };
        var submitted = new List<(int Id, string Title, bool Blocked)>();
        foreach (var channel in new[] { "api", "web", "open311" })
        {
            var answers = new List<string>();
            foreach (var (email, blocked) in senders)
            {
                var title = $"Lamp {channel} {Guid.NewGuid():N}";
                var (id, answer) = await SubmitAsync(app, channel, title, email);
                answers.Add(answer);
                submitted.Add((id, title, blocked));

                // The confirmation email comes to everyone, and its link answers alike: the report page, "confirmed".
                var confirmation = await sink.WaitForAsync(m => string.Equals(m.To, email, StringComparison.OrdinalIgnoreCase)
                    && m.Text.Contains($"/reports/{id}/pending/", StringComparison.Ordinal), $"the confirmation of report {id}");
                using var confirmed = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "confirm/"));
                Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
                Assert.Equal($"/reports/{id}", confirmed.Headers.Location!.OriginalString);
            }

            Assert.True(answers.Distinct().Count() == 1, $"{channel} answered differently:\n{string.Join("\n", answers)}");
        }

        foreach (var (id, title, blocked) in submitted.Where(s => !s.Blocked))
        {
            await sink.WaitForAsync(m => m.To == "reports@council.example.org" && m.Subject.Contains($"#{id}]", StringComparison.Ordinal),
                $"the operator email of report {id}");
            Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync($"reports/{id}")).StatusCode);
        }

        foreach (var (id, title, _) in submitted.Where(s => s.Blocked))
        {
            var report = await app.WithDbAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.Id == id));
            Assert.Equal(ReportStatus.Hidden, report.Status);
            Assert.Null(report.SentAt);
            Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ReportId == id && m.Kind == MailKind.OperatorReport)));
            await HideReportTests.AssertRemovedAsync(app.Client, id, title);
        }

        Assert.DoesNotContain(sink.Received, m => m.To == "reports@council.example.org"
            && submitted.Where(s => s.Blocked).Any(s => m.Subject.Contains($"#{s.Id}]", StringComparison.Ordinal)));
    }

    /// <summary>Submits on <paramref name="channel"/>; returns the id and the answer with what differs per report (ids, tokens) taken out.</summary>
    private static async Task<(int Id, string Answer)> SubmitAsync(FixItApp app, string channel, string title, string email)
    {
        switch (channel)
        {
            case "api":
                {
                    var body = ReportRequests.Valid(title);
                    body["reporterEmail"] = email;
                    using var response = await app.Client.PostAsJsonAsync("api/reports", body);
                    var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                    var id = json.GetProperty("id").GetInt32();
                    var shape = string.Join(",", json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
                    return (id, $"{(int)response.StatusCode} {shape} {json.GetProperty("status").GetString()}");
                }

            case "web":
                {
                    using var browser = new CookieBrowser(app.BaseAddress);
                    using var home = await browser.GetAsync("?lat=53.8&lon=-1.55");
                    var token = FormToken().Match(await home.Content.ReadAsStringAsync()).Groups[1].Value;
                    using var form = new MultipartFormDataContent();
                    foreach (var (key, value) in new[]
                    {
                    ("category", "street-lighting"), ("title", title), ("description", $"{title}: out."), ("lat", "53.8"), ("lon", "-1.55"),
                    ("name", "Ada"), ("email", email), ("__RequestVerificationToken", token),
                })
                    {
                        form.Add(new StringContent(value), key);
                    }

                    using var response = await browser.PostAsync("reports", form);
                    var id = await app.WithDbAsync(db => db.Reports.Where(r => r.Title == title).Select(r => r.Id).SingleAsync());
                    using var page = await browser.GetAsync($"reports/{id}");
                    var html = (await page.Content.ReadAsStringAsync()).Replace(id.ToString(System.Globalization.CultureInfo.InvariantCulture), "{id}", StringComparison.Ordinal);
                    var location = response.Headers.Location!.OriginalString.Replace(id.ToString(System.Globalization.CultureInfo.InvariantCulture), "{id}", StringComparison.Ordinal);
                    return (id, $"{(int)response.StatusCode} {location} {(int)page.StatusCode} {ThankYou().Match(html).Value}");
                }

            default:
                {
                    var posted = await app.PostAsync("json", Open311Http.ValidForm(title).With("email", email));
                    var request = JsonDocument.Parse(posted).RootElement[0];
                    var token = request.GetProperty("token").GetString()!;
                    var id = await app.WithDbAsync(db => db.Reports.Where(r => r.Open311Token == token).Select(r => r.Id).SingleAsync());
                    return (id, posted.Replace(token, "{token}", StringComparison.Ordinal));
                }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("Thank you. Your report is saved[^<]*")]
    private static partial Regex ThankYou();
}
