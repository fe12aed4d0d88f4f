using FixIt.Application.Features.Alerts.SendAlertDigests;
using FixIt.Application.Features.Alerts.SendAlerts;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.FollowUp;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;
using static FixIt.IntegrationTests.Alerts.AlertFlow;

namespace FixIt.IntegrationTests.Alerts;

public sealed class AlertInstancesTests
{
    /// <summary>
    /// Both instances run the match job at once; an alert confirmed through one counts on the other from its next run
    /// (its index is rebuilt when the alert version moves), and every alert email goes once.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Two_instances_on_one_PostgreSQL_database_send_each_alert_once(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var database = SharedDatabase.Create(provider);
        await using var one = await MailApps.StartAsync(provider, sink, s => s["Database:ConnectionString"] = database.ConnectionString, fakeClock: true);
        await using var two = await MailApps.StartAsync(provider, sink, s => s["Database:ConnectionString"] = database.ConnectionString, fakeClock: true);
        var first = MailApps.UniqueEmail("first");
        var second = MailApps.UniqueEmail("second");
        var daily = MailApps.UniqueEmail("daily");

        await AskAsync(one, new { email = first, latitude = ParkRowLat, longitude = ParkRowLon, radiusMetres = 2000 });
        await ConfirmAsync(one, sink, first);
        var early = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            early.Add(await PublishAsync(one, sink, $"Lamp {i} out on Briggate", ParkRowLat, ParkRowLon));
        }

        await RunBothAsync(one, two, () => new SendAlertsCommand());

        // Confirmed through the other instance, after both have built their index.
        await AskAsync(two, new { email = second, areaId = await DemoCityAsync(two) });
        await ConfirmAsync(two, sink, second);
        await AskAsync(two, new { email = daily, areaId = await DemoCityAsync(two), frequency = "daily" });
        await ConfirmAsync(two, sink, daily);
        var late = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            late.Add(await PublishAsync(two, sink, $"Lamp {i} out on Vicar Lane", ParkRowLat, ParkRowLon));
        }

        await RunBothAsync(one, two, () => new SendAlertsCommand());
        foreach (var id in early.Concat(late))
        {
            Assert.Equal(1, await CountAsync(one, first, MailKind.AlertReport, id));
        }

        foreach (var id in late)
        {
            Assert.Equal(1, await CountAsync(one, second, MailKind.AlertReport, id));
        }

        Assert.Equal(0, await CountAsync(one, second, MailKind.AlertReport, early[0]));
        Assert.Equal(3, await one.WithDbAsync(db => db.AreaAlertMatches.CountAsync()));

        // Every alert email has gone before the clocks jump a day (a jump would end the dispatchers' leases mid-send).
        await SmtpSink.WaitUntilAsync(() => sink.Received.Count(m => m.To == first && m.Subject.Contains("New report", StringComparison.Ordinal)) >= 6
            && sink.Received.Count(m => m.To == second && m.Subject.Contains("New report", StringComparison.Ordinal)) >= 3,
            TimeSpan.FromSeconds(30), "the alerts");

        // Received is not yet recorded: a row still claimed when the clocks jump is claimed again and sent twice.
        var recordedBy = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await one.WithDbAsync(db => db.OutboxMessages.AllAsync(m => m.Kind != MailKind.AlertReport || m.SentAt != null)))
        {
            Assert.True(DateTime.UtcNow < recordedBy, "Timed out waiting for the alerts to be recorded as sent.");
            await Task.Delay(50);
        }

        one.Clock!.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        two.Clock!.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await RunBothAsync(one, two, () => new SendAlertDigestsCommand());
        Assert.Equal(1, await CountAsync(one, daily, MailKind.AlertDigest));

        await sink.WaitForAsync(m => m.To == daily && m.Subject.Contains("3 new reports", StringComparison.Ordinal), "the digest");
        await Task.Delay(500);
        Assert.Equal(6, sink.Received.Count(m => m.To == first && m.Subject.Contains("New report", StringComparison.Ordinal)));
        Assert.Equal(3, sink.Received.Count(m => m.To == second && m.Subject.Contains("New report", StringComparison.Ordinal)));
        Assert.Single(sink.Received, m => m.To == daily && m.Subject.Contains("3 new reports", StringComparison.Ordinal));
    }

    private static Task<Application.Common.Scheduling.JobRun[]> RunBothAsync(FixItApp one, FixItApp two, Func<Application.Common.Scheduling.IScheduledJobCommand> job) =>
        Task.WhenAll(Enumerable.Range(0, 2).SelectMany(_ => new[] { one.RunJobAsync(job()), two.RunJobAsync(job()) }));
}
