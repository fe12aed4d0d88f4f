using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Routing;

/// <summary>
/// A decline names whose decline it is (ADR 0220): only the operator the report is with can decline it, so two
/// declines at once, an email link racing the admin API, or a retried request decline the first operator once and are
/// otherwise refused with a 409 that changes nothing; the next operator is emailed once, with links that work. An
/// email the declining operator had not been sent yet is withdrawn.
/// </summary>
public sealed partial class DeclineRaceTests
{
    private const string Buses = "shelters@buses.example.org";
    private const string Council = "reports@council.example.org";

    public static TheoryData<DatabaseProvider> Providers() => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Two_concurrent_api_declines_decline_the_first_operator_once_and_the_second_gets_409(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        using var admin = await app.AdminClientAsync();
        var (id, _) = await BusShelterReportAsync(app, sink);

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var response = await admin.PostAsJsonAsync($"api/admin/reports/{id}/decline", new { @operator = "demo-buses", reason = "The council's shelter." });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var refused = JsonDocument.Parse(answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).Body).RootElement;
        Assert.Equal(409, refused.GetProperty("status").GetInt32());
        Assert.Contains("not with that operator", refused.GetProperty("errors").GetProperty("operator")[0].GetString(), StringComparison.Ordinal);
        await AssertDeclinedOnceByBusesAsync(app, sink, id);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_email_link_decline_racing_an_api_decline_declines_the_first_operator_once(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        using var admin = await app.AdminClientAsync();
        var (id, busesMail) = await BusShelterReportAsync(app, sink);
        var path = ReportLifeByEmailTests.ActionPath(busesMail, "not-ours");
        using var page = await app.Client.GetAsync(path);
        var hidden = HiddenField().Match(await page.Content.ReadAsStringAsync());
        Assert.True(hidden.Success, "no antiforgery field on the link's form");

        var link = Task.Run(async () =>
        {
            using var form = new FormUrlEncodedContent([new(WebUtility.HtmlDecode(hidden.Groups[1].Value), WebUtility.HtmlDecode(hidden.Groups[2].Value)),
                new("text", "Not our shelter.")]);
            using var response = await app.Client.PostAsync(path, form);
            return response.StatusCode;
        });
        var api = Task.Run(async () =>
        {
            using var response = await admin.PostAsJsonAsync($"api/admin/reports/{id}/decline", new { @operator = "demo-buses", reason = "The council's shelter." });
            return response.StatusCode;
        });
        var (linkStatus, apiStatus) = (await link, await api);

        // One of them declined; the other was refused: a 409 (the report moved on under it) or, for the link whose
        // decline came second, 410 (its links were revoked by the first).
        Assert.True((linkStatus == HttpStatusCode.Redirect) ^ (apiStatus == HttpStatusCode.OK), $"link {linkStatus}, API {apiStatus}");
        Assert.Contains(linkStatus, new[] { HttpStatusCode.Redirect, HttpStatusCode.Conflict, HttpStatusCode.Gone });
        Assert.Contains(apiStatus, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict });
        await AssertDeclinedOnceByBusesAsync(app, sink, id);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_retried_api_decline_is_refused_with_409_naming_the_operator_and_changes_nothing(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        using var admin = await app.AdminClientAsync();
        var (id, _) = await BusShelterReportAsync(app, sink);
        var body = new { @operator = "demo-buses", reason = "The council's shelter." };

        using (var first = await admin.PostAsJsonAsync($"api/admin/reports/{id}/decline", body))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var before = await SnapshotAsync(app, id);
        using (var retried = await admin.PostAsJsonAsync($"api/admin/reports/{id}/decline", body))
        {
            Assert.Equal(HttpStatusCode.Conflict, retried.StatusCode);
            Assert.Equal("application/problem+json", retried.Content.Headers.ContentType?.MediaType);
            var problem = await retried.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("The report is not with that operator.", problem.GetProperty("title").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty("operator", out _));
        }

        Assert.Equal(before, await SnapshotAsync(app, id));
        await AssertDeclinedOnceByBusesAsync(app, sink, id);

        // The operator is required, and must exist; both answers name the field and change nothing.
        using (var unnamed = await admin.PostAsJsonAsync($"api/admin/reports/{id}/decline", new { reason = "Not ours." }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
            Assert.True((await unnamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("operator", out _));
        }

        using (var unknown = await admin.PostAsJsonAsync($"api/admin/reports/{id}/decline", new { @operator = "no-such-operator", reason = "Not ours." }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("operator", out _));
        }

        Assert.Equal(before, await SnapshotAsync(app, id));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_decline_withdraws_the_declining_operators_email_not_sent_yet(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, s => s["Mail:DispatcherEnabled"] = "false");
        using var admin = await app.AdminClientAsync();
        var body = ReportRequests.Valid("Shelter glass smashed");
        body["categoryCode"] = "bus-shelter";
        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
        await app.ConfirmAsync(id);

        using (var buses = await admin.PostAsJsonAsync($"api/admin/reports/{id}/decline", new { @operator = "demo-buses", reason = "The council's." }))
        {
            Assert.Equal(HttpStatusCode.OK, buses.StatusCode);
        }

        // The council's email is waiting (the dispatcher is off) when the council declines too: it is never sent.
        using (var council = await admin.PostAsJsonAsync($"api/admin/reports/{id}/decline", new { @operator = "demo-city-council", reason = "Not ours either." }))
        {
            Assert.Equal(HttpStatusCode.OK, council.StatusCode);
        }

        var toCouncil = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .SingleAsync(m => m.ReportId == id && m.Kind == MailKind.OperatorReport && m.ToAddress == Council));
        Assert.Equal(OutboxStatus.Failed, toCouncil.Status);
        Assert.Equal(0, toCouncil.Attempts);
        Assert.StartsWith("Not sent: the operator declined", toCouncil.LastError, StringComparison.Ordinal);
    }

    private static async Task AssertDeclinedOnceByBusesAsync(FixItApp app, SmtpSink sink, int id)
    {
        var ids = await app.WithDbAsync(async db => (
            Buses: await db.Operators.Where(o => o.Slug == "demo-buses").Select(o => o.Id).SingleAsync(),
            Council: await db.Operators.Where(o => o.Slug == "demo-city-council").Select(o => o.Id).SingleAsync()));
        var stored = await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id)
            .Select(r => new { r.OperatorId, Decliners = r.Declines.Select(d => d.OperatorId).ToList() }).SingleAsync());
        Assert.Equal(ids.Council, stored.OperatorId);
        Assert.Equal([ids.Buses], stored.Decliners);
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ReportId == id && m.OperatorId == ids.Council)));

        // The council's email arrives once, and its links work.
        var councilMail = await sink.WaitForAsync(m => m.To == Council && m.Subject.Contains($"#{id}]", StringComparison.Ordinal), "the re-routed report");
        using var form = await app.Client.GetAsync(ReportLifeByEmailTests.ActionPath(councilMail, "not-ours"));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        await Task.Delay(500);
        Assert.Single(sink.Received, m => m.To == Council && m.Subject.Contains($"#{id}]", StringComparison.Ordinal));

        // The timeline has the one decline, and the report is with the council, as it says.
        Assert.Equal(1, await app.WithDbAsync(db => db.ReportEvents.CountAsync(e => e.ReportId == id && EF.Functions.Like(e.PublicText!, "Not ours: %"))));
        Assert.Equal("Demo City Council", (await app.Client.GetJsonAsync($"api/reports/{id}")).GetProperty("operatorName").GetString());
    }

    // What a decline changes (the first decline's updates to the reporter and delivery records arrive meanwhile, so
    // the whole timeline and outbox are not compared).
    private static Task<string> SnapshotAsync(FixItApp app, int id) => app.WithDbAsync(async db =>
    {
        var report = await db.Reports.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.OperatorId, r.Status, r.RoutingExplanation, Declines = r.Declines.Count }).SingleAsync();
        var declineEvents = await db.ReportEvents.CountAsync(e => e.ReportId == id && EF.Functions.Like(e.PublicText!, "Not ours: %"));
        var toOperators = await db.OutboxMessages.CountAsync(m => m.ReportId == id && m.Kind == MailKind.OperatorReport);
        var tokens = await db.AccessTokens.CountAsync(t => t.ReportId == id && t.Purpose == TokenPurpose.Respond);
        var revoked = await db.AccessTokens.CountAsync(t => t.ReportId == id && t.RevokedAt != null);
        return $"{report} declineEvents={declineEvents} toOperators={toOperators} respondTokens={tokens} revoked={revoked}";
    });

    private static async Task<(int Id, ReceivedMail ToOperator)> BusShelterReportAsync(FixItApp app, SmtpSink sink)
    {
        var reporter = MailApps.UniqueEmail("ada");
        var body = ReportRequests.Valid("Shelter glass smashed");
        body["categoryCode"] = "bus-shelter";
        body["reporterEmail"] = reporter;
        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
        var confirmation = await sink.WaitForAsync(m => m.To == reporter, "the confirmation email");
        using var confirmed = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "confirm/"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        return (id, await sink.WaitForAsync(m => m.To == Buses && m.Subject.Contains($"#{id}]", StringComparison.Ordinal), "the operator email"));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"")]
    private static partial Regex HiddenField();
}
