using System.Net;
using FixIt.Application.Features.Alerts.SendAlertDigests;
using FixIt.Application.Features.Alerts.SendAlerts;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.FollowUp;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using static FixIt.IntegrationTests.Alerts.AlertFlow;

namespace FixIt.IntegrationTests.Alerts;

/// <summary>Alerts for a place, end to end: asked for on the form or the API, confirmed and stopped through the emailed links.</summary>
public sealed class AlertTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Radius_and_area_alerts_email_each_matching_new_report_once_and_stop_from_the_email(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, fakeClock: true);
        var near = MailApps.UniqueEmail("near");
        var potholes = MailApps.UniqueEmail("potholes");
        var demoCity = await DemoCityAsync(app);

        // The web form: 300 m around Park Row, every category.
        using (var asked = await app.Client.SubmitFormAsync("alerts", "alerts", ("email", near), ("kind", "radius"), ("lat", Number(ParkRowLat)),
            ("lon", Number(ParkRowLon)), ("radius", "300"), ("frequency", "immediate")))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            Assert.Contains("Check your email", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The API: potholes anywhere in Demo City.
        await AskAsync(app, new { email = potholes, areaId = demoCity, categories = new[] { "pothole" } });

        // Nothing is sent to an alert before its address is confirmed.
        var early = await PublishAsync(app, sink, "Lamp out before confirming", ParkRowLat, ParkRowLon);
        await app.RunJobAsync(new SendAlertsCommand());
        Assert.Equal(0, await CountAsync(app, near, MailKind.AlertReport));

        await ConfirmAsync(app, sink, near);
        await ConfirmAsync(app, sink, potholes);
        var lamp = await PublishAsync(app, sink, "Lamp out on Park Row", ParkRowLat + 0.001, ParkRowLon);
        var farLamp = await PublishAsync(app, sink, "Lamp out on Roundhay Road", FarLat, FarLon);
        var pothole = await PublishAsync(app, sink, "Pothole on Roundhay Road", FarLat, FarLon, "pothole");
        await app.RunJobAsync(new SendAlertsCommand());
        await app.RunJobAsync(new SendAlertsCommand());

        // The radius alert: the lamp 111 m away, not the ones 4 km away; the area alert: the pothole only.
        Assert.Equal(1, await CountAsync(app, near, MailKind.AlertReport));
        Assert.Equal(1, await CountAsync(app, near, MailKind.AlertReport, lamp));
        Assert.Equal(1, await CountAsync(app, potholes, MailKind.AlertReport));
        Assert.Equal(1, await CountAsync(app, potholes, MailKind.AlertReport, pothole));
        Assert.Equal(0, await CountAsync(app, near, MailKind.AlertReport, early));

        var alert = await sink.WaitForAsync(m => m.To == near && m.Subject.Contains("New report within 300 m", StringComparison.Ordinal), "the radius alert");
        Assert.Contains("Lamp out on Park Row", alert.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada Resident", alert.Text, StringComparison.Ordinal);
        Assert.StartsWith($"<{MailApps.PublicBaseUrl}/alerts/stop/", alert.Message.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        await sink.WaitForAsync(m => m.To == potholes && m.Subject.Contains("Pothole on Roundhay Road", StringComparison.Ordinal), "the area alert");

        // The feed it links lists the same place's reports.
        var feed = await app.Client.GetStringAsync(MailApps.LinkPath(alert, "feeds/nearby.atom"));
        Assert.Contains("Lamp out on Park Row", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("Roundhay Road", feed, StringComparison.Ordinal);

        // Stop from the email: a GET shows the alert, the POST stops it; the next lamp on Park Row is not sent.
        var stop = MailApps.LinkPath(alert, "alerts/stop/");
        Assert.Contains("within 300 m", await app.Client.GetStringAsync(stop), StringComparison.Ordinal);
        using (var stopped = await app.Client.SubmitLinkFormAsync(stop))
        {
            Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        }

        var later = await PublishAsync(app, sink, "Another lamp out on Park Row", ParkRowLat, ParkRowLon);
        await app.RunJobAsync(new SendAlertsCommand());
        Assert.Equal(0, await CountAsync(app, near, MailKind.AlertReport, later));
        Assert.Equal(1, await CountAsync(app, near, MailKind.AlertReport));
        _ = farLamp;
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_daily_alert_sends_one_digest_a_day_with_the_reports_since_the_last(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, fakeClock: true);
        var daily = MailApps.UniqueEmail("daily");
        await AskAsync(app, new { email = daily, areaId = await DemoCityAsync(app), frequency = "daily" });
        await ConfirmAsync(app, sink, daily);

        var first = await PublishAsync(app, sink, "Lamp out on Boar Lane", ParkRowLat, ParkRowLon);
        var second = await PublishAsync(app, sink, "Lamp out on Call Lane", FarLat, FarLon);
        await app.RunJobAsync(new SendAlertsCommand());
        await app.RunJobAsync(new SendAlertDigestsCommand());
        Assert.Equal(0, await CountAsync(app, daily, MailKind.AlertReport));
        Assert.Equal(0, await CountAsync(app, daily, MailKind.AlertDigest));

        // A day after confirming: one digest with both, and no second one on another run.
        app.Clock!.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await app.RunJobAsync(new SendAlertDigestsCommand());
        await app.RunJobAsync(new SendAlertDigestsCommand());
        Assert.Equal(1, await CountAsync(app, daily, MailKind.AlertDigest));
        var digest = await sink.WaitForAsync(m => m.To == daily && m.Subject.Contains("2 new reports in Demo City", StringComparison.Ordinal), "the digest");
        Assert.Contains($"#{first} Lamp out on Boar Lane", digest.Text, StringComparison.Ordinal);
        Assert.Contains($"#{second} Lamp out on Call Lane", digest.Text, StringComparison.Ordinal);
        Assert.StartsWith($"<{MailApps.PublicBaseUrl}/alerts/stop/", digest.Message.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        MailApps.LinkPath(digest, "feeds/areas/");

        // The next report waits for the next day.
        var third = await PublishAsync(app, sink, "Lamp out on Kirkgate", ParkRowLat, ParkRowLon);
        await app.RunJobAsync(new SendAlertsCommand());
        app.Clock.Advance(TimeSpan.FromHours(12));
        await app.RunJobAsync(new SendAlertDigestsCommand());
        Assert.Equal(1, await CountAsync(app, daily, MailKind.AlertDigest));
        app.Clock.Advance(TimeSpan.FromHours(12));
        await app.RunJobAsync(new SendAlertDigestsCommand());
        Assert.Equal(2, await CountAsync(app, daily, MailKind.AlertDigest));
        var next = await sink.WaitForAsync(m => m.To == daily && m.Subject.Contains("1 new report in Demo City", StringComparison.Ordinal), "the second digest");
        Assert.Contains($"#{third} Lamp out on Kirkgate", next.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Boar Lane", next.Text, StringComparison.Ordinal);
    }
}
