using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Routing;

/// <summary>
/// "Not ours" has the same effects whichever way it comes (the operator's email link or the admin API): the next
/// operator is emailed, the old operator's links stop working, the reporter and followers are told, and a report
/// that is no longer open is never re-routed.
/// </summary>
public sealed class NotOursTests
{
    public enum Channel
    {
        EmailLink,
        AdminApi,
    }

    private const string Buses = "shelters@buses.example.org";
    private const string Council = "reports@council.example.org";

    public static TheoryData<DatabaseProvider, Channel> Cases()
    {
        var cases = new TheoryData<DatabaseProvider, Channel>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
        {
            cases.Add(provider, Channel.EmailLink);
            cases.Add(provider, Channel.AdminApi);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Not_ours_emails_the_next_operator_revokes_the_old_links_tells_followers_and_is_refused_once_fixed(
        DatabaseProvider provider, Channel channel)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        using var admin = await app.AdminClientAsync();
        var reporter = MailApps.UniqueEmail("ada");
        var follower = MailApps.UniqueEmail("sam");
        var (id, busesMail) = await BusShelterReportAsync(app, sink, reporter);
        await FollowAsync(app, sink, id, follower);
        var ids = await app.WithDbAsync(async db => (
            Buses: await db.Operators.Where(o => o.Name == "Demo Buses").Select(o => o.Id).SingleAsync(),
            Council: await db.Operators.Where(o => o.Name == "Demo City Council").Select(o => o.Id).SingleAsync()));

        var reason = "This shelter belongs to the council.";
        using (var declined = await DeclineAsync(app, admin, channel, id, "demo-buses", busesMail, reason))
        {
            Assert.True(declined.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, await declined.Content.ReadAsStringAsync());
            if (channel == Channel.AdminApi)
            {
                var answer = await declined.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal("Demo City Council", answer.GetProperty("operatorName").GetString());
                Assert.Equal(ids.Council, answer.GetProperty("operatorId").GetInt32());
            }
        }

        // The next operator: an outbox message for it, and the email itself with links of its own.
        var toCouncil = await app.WithDbAsync(db => db.OutboxMessages
            .Where(m => m.ReportId == id && m.Kind == MailKind.OperatorReport)
            .OrderBy(m => m.Id).Select(m => new { m.OperatorId, m.ToAddress }).ToListAsync());
        Assert.Equal([new { OperatorId = (int?)ids.Buses, ToAddress = Buses }, new { OperatorId = (int?)ids.Council, ToAddress = Council }], toCouncil);
        var councilMail = await sink.WaitForAsync(m => m.To == Council && m.Subject.Contains($"#{id}]", StringComparison.Ordinal), "the re-routed report");

        // The old operator's links are revoked (and answer 410); the new operator's one is not.
        var tokens = await app.WithDbAsync(db => db.AccessTokens.Where(t => t.ReportId == id && t.Purpose == TokenPurpose.Respond)
            .OrderBy(t => t.Id).Select(t => t.RevokedAt).ToListAsync());
        Assert.Equal(2, tokens.Count);
        Assert.NotNull(tokens[0]);
        Assert.Null(tokens[1]);
        using (var oldLink = await app.Client.GetAsync(ReportLifeByEmailTests.ActionPath(busesMail, "fixed")))
        {
            Assert.Equal(HttpStatusCode.Gone, oldLink.StatusCode);
        }

        // The reporter and the follower are told, in the operator's words.
        foreach (var who in new[] { reporter, follower })
        {
            var told = await sink.WaitForAsync(m => m.To == who && m.Text.Contains($"Not ours: {reason}", StringComparison.Ordinal), $"the update to {who}");
            Assert.DoesNotContain(Buses, told.Raw, StringComparison.OrdinalIgnoreCase);
        }

        // Stored as a row: who, when and why; the report page shows the reason and the new operator.
        var decline = await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).SelectMany(r => r.Declines)
            .Select(d => new { d.OperatorId, d.Reason }).SingleAsync());
        Assert.Equal(new { OperatorId = ids.Buses, Reason = reason }, decline);
        var source = await app.WithDbAsync(db => db.ReportEvents.Where(e => e.ReportId == id && e.PublicText == $"Not ours: {reason}")
            .Select(e => e.Source).SingleAsync());
        Assert.Equal(channel == Channel.EmailLink ? EventSource.EmailLink : EventSource.Api, source);
        var page = await app.Client.GetStringAsync($"reports/{id}");
        Assert.Contains($"Not ours: {reason}", page, StringComparison.Ordinal);

        // Once fixed, "not ours" is refused, with the reason, and nothing changes.
        using (var fixedResponse = await app.Client.SubmitLinkFormAsync(ReportLifeByEmailTests.ActionPath(councilMail, "fixed"), ("text", "Glass replaced.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, fixedResponse.StatusCode);
        }

        using (var refused = await DeclineAsync(app, admin, channel, id, "demo-city-council", councilMail, "Not ours after all."))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var text = await refused.Content.ReadAsStringAsync();
            Assert.Contains("The report is Fixed; only an open report", text, StringComparison.Ordinal);
            if (channel == Channel.AdminApi)
            {
                Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
                var problem = JsonDocument.Parse(text).RootElement;
                Assert.Equal("Not allowed while the report is Fixed.", problem.GetProperty("title").GetString());
                Assert.Equal(409, problem.GetProperty("status").GetInt32());
            }
        }

        var after = await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id)
            .Select(r => new { r.Status, r.OperatorId, Declines = r.Declines.Count }).SingleAsync());
        Assert.Equal(new { Status = ReportStatus.Fixed, OperatorId = (int?)ids.Council, Declines = 1 }, after);
        Assert.Equal(2, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ReportId == id && m.Kind == MailKind.OperatorReport)));
    }

    private static async Task<HttpResponseMessage> DeclineAsync(FixItApp app, HttpClient admin, Channel channel, int id, string operatorSlug,
        ReceivedMail operatorMail, string reason)
    {
        if (channel == Channel.AdminApi)
        {
            return await admin.PostAsJsonAsync($"api/admin/reports/{id}/decline", new { @operator = operatorSlug, reason });
        }

        // A fixed report's "not ours" link shows why it cannot be used instead of its form, as its POST would.
        var path = ReportLifeByEmailTests.ActionPath(operatorMail, "not-ours");
        using var form = await app.Client.GetAsync(path);
        return form.StatusCode == HttpStatusCode.OK
            ? await app.Client.SubmitLinkFormAsync(path, ("text", reason))
            : await app.Client.GetAsync(path);
    }

    private static async Task<(int Id, ReceivedMail ToOperator)> BusShelterReportAsync(FixItApp app, SmtpSink sink, string reporter)
    {
        var body = ReportRequests.Valid("Shelter glass smashed");
        body["categoryCode"] = "bus-shelter";
        body["reporterEmail"] = reporter;
        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
        var confirmation = await sink.WaitForAsync(m => m.To == reporter, "the confirmation email");
        using var confirmed = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "confirm/"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        return (id, await sink.WaitForAsync(m => m.To == Buses && m.Subject.Contains($"#{id}]", StringComparison.Ordinal), "the operator email"));
    }

    private static async Task FollowAsync(FixItApp app, SmtpSink sink, int id, string follower)
    {
        using var subscribed = await ReportSubscriptionTests.SubscribeAsync(app, id, follower);
        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        var confirmation = await sink.WaitForAsync(m => m.To == follower, "the subscription confirmation");
        using var confirmed = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "subscribe/"));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
    }
}
