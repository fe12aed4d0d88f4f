using System.Net;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Mail;

/// <summary>SMTP down, answering 4xx or 5xx: messages wait, retry, and fail visibly, never silently.</summary>
public sealed class OutboxFaultTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Message_due_while_smtp_is_down_is_retried_after_its_back_off_and_delivered_once_smtp_is_back(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, MailApps.ClockedRetries, fakeClock: true);
        await sink.StopAsync();
        var reporter = MailApps.UniqueEmail("down");
        var id = await SubmitAsync(app, reporter);

        var waiting = await WaitForRowAsync(app, id, MailKind.ReporterConfirmation, m => m.Attempts == 1, "the first failed attempt");
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.Contains("Could not connect", waiting.LastError, StringComparison.Ordinal);
        MailApps.AssertWaitsForBackOff(app, waiting);

        // The back-off runs on the app's clock: moved past it, the next attempt is made at once (and fails again).
        app.Clock!.Advance(MailApps.RetryCeiling(1));
        waiting = await WaitForRowAsync(app, id, MailKind.ReporterConfirmation, m => m.Attempts == 2, "the second failed attempt");
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.Contains("Could not connect", waiting.LastError, StringComparison.Ordinal);
        MailApps.AssertWaitsForBackOff(app, waiting);
        (await AdminSignInTests.SignInAsAdminAsync(app)).Dispose();
        var admin = await app.Client.GetStringAsync("admin/mail");
        Assert.Contains($"#{id}", admin, StringComparison.Ordinal);
        Assert.DoesNotContain(reporter, admin, StringComparison.Ordinal);

        await sink.StartAgainAsync();
        app.Clock.Advance(MailApps.RetryCeiling(2));
        await sink.WaitForAsync(m => m.To == reporter, "the confirmation after SMTP came back");
        var sent = await WaitForRowAsync(app, id, MailKind.ReporterConfirmation, m => m.Status == OutboxStatus.Sent, "the message to be recorded as sent");
        Assert.NotNull(sent.SentAt);
        Assert.Single(sink.Received, m => m.To == reporter);
    }

    [Fact]
    public async Task A_pooled_connection_the_server_dropped_is_replaced_without_a_failed_attempt()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(DatabaseProvider.Sqlite, sink, s => s["Mail:PoolSize"] = "1");
        var first = MailApps.UniqueEmail("first");
        await SubmitAsync(app, first);
        await sink.WaitForAsync(m => m.To == first, "the first message");

        // The server restarts: the connection kept in the pool is dead, and the client only finds out by using it.
        await sink.StopAsync();
        await sink.StartAgainAsync();
        var second = MailApps.UniqueEmail("second");
        var id = await SubmitAsync(app, second);

        await sink.WaitForAsync(m => m.To == second, "the message after the server restarted");
        var row = await WaitForRowAsync(app, id, MailKind.ReporterConfirmation, m => m.Status == OutboxStatus.Sent, "sent");
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task Smtp_authentication_is_used_and_a_wrong_password_keeps_mail_waiting()
    {
        await using var sink = await SmtpSink.StartAsync(("fixit", "s3cret"));
        await using var good = await MailApps.StartAsync(DatabaseProvider.Sqlite, sink, s => (s["Mail:SmtpUser"], s["Mail:SmtpPassword"]) = ("fixit", "s3cret"));
        await using var bad = await MailApps.StartAsync(DatabaseProvider.Sqlite, sink, s =>
        {
            (s["Mail:SmtpUser"], s["Mail:SmtpPassword"]) = ("fixit", "wrong");
            MailApps.ClockedRetries(s);
        }, fakeClock: true);
        var viaGood = MailApps.UniqueEmail("auth");
        var viaBad = MailApps.UniqueEmail("noauth");

        await SubmitAsync(good, viaGood);
        var refusedId = await SubmitAsync(bad, viaBad);

        await sink.WaitForAsync(m => m.To == viaGood, "mail from the app with the right password");
        var first = await WaitForRowAsync(bad, refusedId, MailKind.ReporterConfirmation, m => m.Attempts == 1, "the first try with the wrong password");
        MailApps.AssertWaitsForBackOff(bad, first);
        bad.Clock!.Advance(MailApps.RetryCeiling(1));
        var waiting = await WaitForRowAsync(bad, refusedId, MailKind.ReporterConfirmation, m => m.Attempts == 2, "the retry with the wrong password");
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.Contains("Could not connect", waiting.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(sink.Received, m => m.To == viaBad);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_4xx_answer_is_retried_and_the_next_attempt_delivers(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, MailApps.ClockedRetries, fakeClock: true);
        sink.FailTemporarily(1);
        var reporter = MailApps.UniqueEmail("busy");
        var id = await SubmitAsync(app, reporter);

        var deferred = await WaitForRowAsync(app, id, MailKind.ReporterConfirmation, m => m.Attempts == 1, "the 451");
        Assert.Equal(OutboxStatus.Pending, deferred.Status);
        Assert.StartsWith("451", deferred.LastError, StringComparison.Ordinal);
        MailApps.AssertWaitsForBackOff(app, deferred);
        Assert.DoesNotContain(sink.Received, m => m.To == reporter);

        app.Clock!.Advance(MailApps.RetryCeiling(1));
        var received = await sink.WaitForAsync(m => m.To == reporter, "the confirmation after a 451");
        var row = await WaitForRowAsync(app, id, MailKind.ReporterConfirmation, m => m.Status == OutboxStatus.Sent, "sent");
        Assert.Equal(2, row.Attempts);
        Assert.Equal(row.MessageId, received.Message.MessageId);
        Assert.Single(sink.Received, m => m.To == reporter);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_5xx_answer_fails_at_once_and_shows_on_the_timeline_and_the_admin_list(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        sink.RejectPermanently["reports@council.example.org"] = true;
        var reporter = MailApps.UniqueEmail("refused");
        var id = await SubmitAsync(app, reporter);
        var confirmation = await sink.WaitForAsync(m => m.To == reporter, "the confirmation");
        using var confirmed = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "confirm/"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var failed = await WaitForRowAsync(app, id, MailKind.OperatorReport, m => m.Status == OutboxStatus.Failed, "the operator email to fail");
        Assert.Equal(1, failed.Attempts);
        Assert.StartsWith("554", failed.LastError, StringComparison.Ordinal);

        var page = await app.Client.GetStringAsync($"reports/{id}");
        Assert.Contains("could not be emailed to Demo City Council", page, StringComparison.Ordinal);
        (await AdminSignInTests.SignInAsAdminAsync(app)).Dispose();
        var admin = await app.Client.GetStringAsync("admin/mail");
        Assert.Contains("r***@council.example.org", admin, StringComparison.Ordinal);
        Assert.Contains("<td data-testid=\"state\">Failed</td>", admin, StringComparison.Ordinal);
        Assert.DoesNotContain(sink.Received, m => m.To == reporter && m.Text.Contains("has been sent to", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task CR_LF_in_stored_subject_and_name_never_reaches_the_smtp_headers(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var to = MailApps.UniqueEmail("victim");
        await app.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(new OutboxMessage(MailKind.ReporterUpdate, null, null, to, "Ada\r\nBcc: thief@evil.example",
                "Hello\r\nBcc: thief@evil.example\r\nX-Injected: yes", "text", "<p>html</p>", null, null, "inject.1@fixit.example.org", DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });

        var received = await sink.WaitForAsync(m => m.To == to, "the message");
        Assert.Equal([to], received.EnvelopeTo);
        var headers = received.Raw[..received.Raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        Assert.DoesNotContain("\nBcc:", headers, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\nX-Injected:", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Hello Bcc: thief@evil.example X-Injected: yes", received.Subject);
        Assert.Empty(received.Message.Bcc);
    }

    [Fact]
    public async Task Title_or_name_with_CR_LF_is_refused_at_submit()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(DatabaseProvider.Sqlite, sink);
        var body = ReportRequests.Valid("Lamp\r\nBcc: thief@evil.example");
        body["reporterName"] = "Ada\nCc: thief@evil.example";

        using var response = await app.Client.PostAsync("api/reports", System.Net.Http.Json.JsonContent.Create(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    internal static async Task<int> SubmitAsync(FixItApp app, string reporter, string title = "Lamp out", string category = "street-lighting")
    {
        var body = ReportRequests.Valid(title);
        body["reporterEmail"] = reporter;
        body["categoryCode"] = category;
        return (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
    }

    internal static async Task<OutboxMessage> WaitForRowAsync(FixItApp app, int reportId, MailKind kind, Func<OutboxMessage, bool> condition, string what)
    {
        OutboxMessage? row = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (row is null || !condition(row))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}; last seen: {row?.Status} after {row?.Attempts} attempts ({row?.LastError}).");
            await Task.Delay(100);
            row = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ReportId == reportId && m.Kind == kind).OrderBy(m => m.Id).FirstOrDefaultAsync());
        }

        return row;
    }
}
