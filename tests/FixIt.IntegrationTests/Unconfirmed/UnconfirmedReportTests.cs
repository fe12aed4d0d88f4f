using System.Net;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using FixIt.IntegrationTests.Open311;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Unconfirmed;

/// <summary>
/// Until it is confirmed a report is seen only by whoever submitted it, through the secret link in the 201 and the
/// confirmation email: never at its public address, in a list, map, search, feed, export or Open311 answer.
/// </summary>
public sealed class UnconfirmedReportTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Json_submission_is_shown_only_by_its_secret_link_until_confirmed(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var reporter = MailApps.UniqueEmail("ada");
        var title = $"Secret lamp {Guid.NewGuid():N}";
        var body = ReportRequests.Valid(title);
        body["reporterEmail"] = reporter;
        body["description"] = $"{title}: out for a week."; // Open311 shows the description, not the title.
        var submitted = await app.Client.SubmitAsync(body);
        var id = submitted.GetProperty("id").GetInt32();
        var url = submitted.GetProperty("url").GetString()!;

        Assert.StartsWith($"{MailApps.PublicBaseUrl}/reports/{id}/pending/", url, StringComparison.Ordinal);
        var secret = new Uri(url).AbsolutePath.TrimStart('/');
        await UnconfirmedVisibility.AssertNowhereAsync(app.Client, id, title);

        // The secret link shows it, read-only, and says what to do; the confirmation email carries the same link.
        using var page = await app.Client.GetAsync(secret);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains("Check your email to confirm this report", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/subscribe\"", html, StringComparison.Ordinal);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        var confirmation = await sink.WaitForAsync(m => m.To == reporter, "the confirmation email");
        Assert.Equal(secret, MailApps.LinkPath(confirmation, $"reports/{id}/pending/"));

        // A wrong, truncated or another report's secret answers exactly as a report that does not exist.
        var other = (await app.Client.SubmitAsync(ReportRequests.Valid("Another secret lamp"))).GetProperty("url").GetString()!;
        var otherToken = other[(other.LastIndexOf('/') + 1)..];
        var token = secret[(secret.LastIndexOf('/') + 1)..];
        foreach (var wrong in new[] { token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), token[..^4], otherToken })
        {
            await UnconfirmedVisibility.AssertSameAsMissingAsync(app.Client, $"reports/{id}/pending/{wrong}", id);
        }

        // Confirmed: public as usual, and the secret link leads there.
        using var confirmed = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "confirm/"));
        Assert.Equal($"/reports/{id}", confirmed.Headers.Location!.OriginalString);
        Assert.Contains(title, await app.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);
        Assert.Equal("open", (await app.Client.GetJsonAsync($"api/reports/{id}")).GetProperty("status").GetString());
        Assert.Contains(title, await app.Client.GetStringAsync($"open311/v2/requests/{id}.json"), StringComparison.Ordinal);
        using var redirected = await app.Client.GetAsync(secret);
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Equal($"/reports/{id}", redirected.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Open311_submission_is_in_no_open311_answer_until_confirmed_and_its_email_has_the_secret_link(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, s =>
        {
            foreach (var (key, value) in Open311Fixture.Settings)
            {
                s[key] = value;
            }
        });
        var description = $"Dumped sofa {Guid.NewGuid():N}";
        var posted = await app.PostAsync("json", Open311Http.ValidForm(description));
        var id = await app.WithDbAsync(db => db.Reports.Where(r => r.Description == description).Select(r => r.Id).SingleAsync());

        Assert.DoesNotContain("/reports/", posted, StringComparison.Ordinal);
        await UnconfirmedVisibility.AssertNowhereAsync(app.Client, id, description);
        Assert.DoesNotContain(description, await app.GetAsync($"open311/v2/requests.json?service_request_id={id}", "json"), StringComparison.Ordinal);

        var confirmation = await sink.WaitForAsync(m => m.To == "grace.hopper@example.net" && m.Text.Contains($"/reports/{id}/pending/", StringComparison.Ordinal),
            "the confirmation email");
        var page = await app.Client.GetStringAsync(MailApps.LinkPath(confirmation, $"reports/{id}/pending/"));
        Assert.Contains(description, page, StringComparison.Ordinal);

        using var confirmed = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "confirm/"));
        Assert.Contains(description, await app.GetAsync($"open311/v2/requests/{id}.json", "json"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Secret_link_still_shows_a_report_whose_confirm_link_expired_but_not_a_hidden_one(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, fakeClock: true);
        var title = $"Never confirmed {Guid.NewGuid():N}";
        var submitted = await app.Client.SubmitAsync(ReportRequests.Valid(title));
        var id = submitted.GetProperty("id").GetInt32();
        var secret = new Uri(submitted.GetProperty("url").GetString()!).AbsolutePath.TrimStart('/');
        app.Clock!.Advance(MailApps.PastConfirmLinkLifetime);

        Assert.Contains(title, await app.Client.GetStringAsync(secret), StringComparison.Ordinal);
        await UnconfirmedVisibility.AssertNowhereAsync(app.Client, id, title);

        await app.UpdateAsync(id, r => r.ChangeStatus(ReportStatus.Hidden, ActorKind.Admin, "Admin", EventSource.Api, null, DateTimeOffset.UtcNow));
        await UnconfirmedVisibility.AssertSameAsMissingAsync(app.Client, secret, id);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Send_again_from_the_secret_link_queues_the_confirmation_like_submission_does(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var reporter = MailApps.UniqueEmail("resend");
        var body = ReportRequests.Valid("Send it again");
        body["reporterEmail"] = reporter;
        var submitted = await app.Client.SubmitAsync(body);
        var id = submitted.GetProperty("id").GetInt32();
        var secret = new Uri(submitted.GetProperty("url").GetString()!).AbsolutePath.TrimStart('/');
        await sink.WaitForAsync(m => m.To == reporter, "the first confirmation email");

        using var forged = await app.Client.PostAsync($"{secret}/resend", new FormUrlEncodedContent([]));
        using var wrong = await app.Client.SubmitFormAsync(secret, $"reports/{id}/pending/{new string('A', 43)}/resend");
        using var resent = await app.Client.SubmitFormAsync(secret, $"{secret}/resend");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Equal($"/{secret}?resent=1", resent.Headers.Location!.OriginalString);
        Assert.Contains("We have sent the confirmation email again.", await app.Client.GetStringAsync($"{secret}?resent=1"), StringComparison.Ordinal);
        await SmtpSink.WaitUntilAsync(() => sink.Received.Count(m => m.To == reporter) == 2, TimeSpan.FromSeconds(20), "the second confirmation email");
        Assert.Equal(2, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ReportId == id && m.Kind == MailKind.ReporterConfirmation)));

        // The new email confirms the report like the first; then there is nothing left to send again.
        var second = sink.Received.Last(m => m.To == reporter);
        Assert.Equal(secret, MailApps.LinkPath(second, $"reports/{id}/pending/"));
        using var confirmed = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(second, "confirm/"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        using var afterwards = await app.Client.SubmitFormAsync($"reports/{id}", $"{secret}/resend");
        Assert.Equal($"/reports/{id}", afterwards.Headers.Location!.OriginalString);
        Assert.Equal(2, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ReportId == id && m.Kind == MailKind.ReporterConfirmation)));
    }
}
