using FixIt.Application.Features.Retention.AnonymiseClosedReports;
using FixIt.Application.Features.Retention.DeleteOldInboundMail;
using FixIt.Application.Features.Retention.DeleteOldMailBodies;
using FixIt.Domain.Inbound;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using FixIt.IntegrationTests.FollowUp;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Privacy;

/// <summary>The retention jobs on the app's fake clock: each deletes exactly what its setting says, and nothing when it is off.</summary>
public sealed class RetentionJobTests
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Closed_reports_lose_their_reporter_after_the_period_and_open_or_recent_ones_keep_theirs(DatabaseProvider provider)
    {
        await using var app = await FixItApp.StartAsync(provider, new Dictionary<string, string?> { ["Retention:ClosedReportContacts"] = "10.00:00:00" },
            fakeClock: true);
        var closedEarly = await ReportAsync(app, "Closed early", close: true);
        var open = await ReportAsync(app, "Still open", close: false);

        app.Clock!.Advance(9 * Day);
        var closedLate = await ReportAsync(app, "Closed later", close: true);
        Assert.Equal(0, (await app.RunJobAsync(new AnonymiseClosedReportsCommand())).Handled);

        app.Clock.Advance(2 * Day);
        Assert.Equal(1, (await app.RunJobAsync(new AnonymiseClosedReportsCommand())).Handled);
        Assert.Equal(0, (await app.RunJobAsync(new AnonymiseClosedReportsCommand())).Handled);

        var erased = await LoadAsync(app, closedEarly);
        Assert.Equal(("", "", null), (erased.ReporterName, erased.ReporterEmail, erased.ReporterPhone));
        Assert.NotNull(erased.ContactErasedAt);
        Assert.All(erased.Events.Where(e => e.ActorKind == ActorKind.Reporter), e => Assert.Equal(Report.ErasedReporterName, e.Actor));
        foreach (var kept in new[] { open, closedLate })
        {
            var report = await LoadAsync(app, kept);
            Assert.Equal(("Ada Resident", "ada.resident@example.net"), (report.ReporterName, report.ReporterEmail));
            Assert.Null(report.ContactErasedAt);
        }
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Raw_inbound_mail_and_sent_mail_bodies_go_after_their_periods_and_the_records_stay(DatabaseProvider provider)
    {
        await using var app = await FixItApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Retention:InboundRawMail"] = "5.00:00:00",
            ["Retention:SentMailBodies"] = "3.00:00:00",
        }, fakeClock: true);
        var closed = await ReportAsync(app, "Closed report", close: true);
        var open = await ReportAsync(app, "Open report", close: false);
        var oldProcessed = await InboundAsync(app, processed: true);
        var oldUnprocessed = await InboundAsync(app, processed: false);
        var oldAboutClosed = await SentAsync(app, closed);
        var oldAboutOpen = await SentAsync(app, open);
        var oldWithoutReport = await SentAsync(app, null);

        app.Clock!.Advance(4 * Day);
        var recentAboutClosed = await SentAsync(app, closed);
        await app.RunJobAsync(new DeleteOldMailBodiesCommand());
        Assert.Empty((await MessageAsync(app, oldAboutClosed)).TextBody);
        Assert.Empty((await MessageAsync(app, oldWithoutReport)).HtmlBody);
        Assert.NotEmpty((await MessageAsync(app, oldAboutOpen)).TextBody);
        Assert.NotEmpty((await MessageAsync(app, recentAboutClosed)).TextBody);
        var record = await MessageAsync(app, oldAboutClosed);
        Assert.Equal(("someone@example.net", "Hello", OutboxStatus.Sent), (record.ToAddress, record.Subject, record.Status));

        Assert.Equal(0, (await app.RunJobAsync(new DeleteOldInboundMailCommand())).Handled);
        var recentProcessed = await InboundAsync(app, processed: true);
        app.Clock.Advance(2 * Day);
        Assert.Equal(1, (await app.RunJobAsync(new DeleteOldInboundMailCommand())).Handled);
        Assert.Empty((await InboundRowAsync(app, oldProcessed)).Raw);
        Assert.Equal(InboundMessageStatus.Published, (await InboundRowAsync(app, oldProcessed)).Status);
        Assert.NotEmpty((await InboundRowAsync(app, oldUnprocessed)).Raw);
        Assert.NotEmpty((await InboundRowAsync(app, recentProcessed)).Raw);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_retention_setting_that_is_off_deletes_nothing(DatabaseProvider provider)
    {
        await using var app = await FixItApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Retention:ClosedReportContacts"] = "off",
            ["Retention:InboundRawMail"] = "",
            ["Retention:SentMailBodies"] = "OFF",
        }, fakeClock: true);
        var closed = await ReportAsync(app, "Closed long ago", close: true);
        var inbound = await InboundAsync(app, processed: true);
        var sent = await SentAsync(app, closed);
        app.Clock!.Advance(3650 * Day);
        Assert.Equal(0, (await app.RunJobAsync(new AnonymiseClosedReportsCommand())).Handled);
        Assert.Equal(0, (await app.RunJobAsync(new DeleteOldInboundMailCommand())).Handled);
        Assert.Equal(0, (await app.RunJobAsync(new DeleteOldMailBodiesCommand())).Handled);
        Assert.Equal("ada.resident@example.net", (await LoadAsync(app, closed)).ReporterEmail);
        Assert.NotEmpty((await InboundRowAsync(app, inbound)).Raw);
        Assert.NotEmpty((await MessageAsync(app, sent)).TextBody);
    }

    [Fact]
    public async Task A_retention_period_that_is_not_a_time_span_stops_the_start()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => FixItApp.StartAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["Retention:SentMailBodies"] = "a month" }));
        Assert.Contains("Retention:SentMailBodies", ex.ToString(), StringComparison.Ordinal);
    }

    private static async Task<int> ReportAsync(FixItApp app, string title, bool close)
    {
        var id = (await app.Client.SubmitAsync(ReportRequests.Valid(title))).GetProperty("id").GetInt32();
        await app.WithDbAsync(async db =>
        {
            var report = await db.Reports.SingleAsync(r => r.Id == id);
            var now = app.Clock!.GetUtcNow();
            report.Confirm(EventSource.Web, now);
            if (close)
            {
                report.ChangeStatus(ReportStatus.Closed, ActorKind.Operator, "Demo City Council", EventSource.Web, "Done.", now);
            }

            return await db.SaveChangesAsync();
        });
        return id;
    }

    private static Task<Report> LoadAsync(FixItApp app, int id) =>
        app.WithDbAsync(db => db.Reports.AsNoTracking().Include(r => r.Events).SingleAsync(r => r.Id == id));

    private static Task<long> SentAsync(FixItApp app, int? reportId) => app.WithDbAsync(async db =>
    {
        var now = app.Clock!.GetUtcNow();
        var message = new OutboxMessage(MailKind.ReporterUpdate, reportId, null, "someone@example.net", "Someone", "Hello", "Text body", "<p>Html body</p>",
            null, null, $"<{Guid.NewGuid():N}@fixit.example.org>", now);
        message.MarkSent(now);
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    });

    private static Task<OutboxMessage> MessageAsync(FixItApp app, long id) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    private static Task<long> InboundAsync(FixItApp app, bool processed) => app.WithDbAsync(async db =>
    {
        var now = app.Clock!.GetUtcNow();
        var message = InboundMessage.Receive(InboundChannel.Smtp, null, "reply+abc@reply.example.org", "someone@example.net", null,
            "From: someone@example.net\r\n\r\nHello"u8.ToArray(), now);
        if (processed)
        {
            message.Complete(InboundMessageStatus.Published, null, "Published.", now);
        }

        db.InboundMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    });

    private static Task<InboundMessage> InboundRowAsync(FixItApp app, long id) =>
        app.WithDbAsync(db => db.InboundMessages.AsNoTracking().SingleAsync(m => m.Id == id));
}
