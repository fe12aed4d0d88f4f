using System.Net;
using FixIt.Application.Features.FollowUp.EscalateReports;
using FixIt.Application.Features.FollowUp.SendQuestionnaires;
using FixIt.Application.Features.FollowUp.SendReminders;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.FollowUp;

/// <summary>Reminders and escalation on the fake clock, with the emails received over SMTP on loopback.</summary>
public sealed class ReminderTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task An_unanswered_report_gets_its_reminders_then_is_escalated_with_its_history(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, fakeClock: true);
        await FollowUpFlow.SetEscalationAsync(app, "chief@council.example.org");
        var council = await FollowUpFlow.CouncilAsync(app);
        var (id, _) = await FollowUpFlow.SentReportAsync(app, sink, MailApps.UniqueEmail("rem"), "Lamp out on Mill Lane");

        // Before the acknowledge target: nothing.
        app.Clock!.Advance(TimeSpan.FromDays(council.AcknowledgeTargetDays) - TimeSpan.FromHours(1));
        await app.RunJobAsync(new SendRemindersCommand());
        Assert.Equal(0, await FollowUpFlow.CountAsync(app, id, MailKind.OperatorReminder));

        // Past it: one reminder, to the same contact, with action links of its own; a second run sends nothing more.
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.RunJobAsync(new SendRemindersCommand());
        await app.RunJobAsync(new SendRemindersCommand());
        var first = await sink.WaitForAsync(m => m.To == FollowUpFlow.Council && m.Subject == $"Reminder: [FixIt #{id}] Street lighting: Lamp out on Mill Lane",
            "the first reminder");
        Assert.Contains("has not been acknowledged yet", first.Text, StringComparison.Ordinal);
        Assert.Equal(1, await FollowUpFlow.CountAsync(app, id, MailKind.OperatorReminder));
        Assert.Contains("Reminder sent to Demo City Council.", await app.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);

        // The next one a reminder interval (7 days) later; then no more than FollowUp:MaxReminders (2).
        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await app.RunJobAsync(new SendRemindersCommand());
        Assert.Equal(2, await FollowUpFlow.CountAsync(app, id, MailKind.OperatorReminder));
        Assert.Equal(0, await FollowUpFlow.CountAsync(app, id, MailKind.OperatorEscalation));

        // A reminder interval after the last reminder, the escalation contact gets the report and its history, once.
        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await app.RunJobAsync(new SendRemindersCommand());
        await app.RunJobAsync(new EscalateReportsCommand());
        await app.RunJobAsync(new EscalateReportsCommand());
        Assert.Equal(2, await FollowUpFlow.CountAsync(app, id, MailKind.OperatorReminder));
        Assert.Equal(1, await FollowUpFlow.CountAsync(app, id, MailKind.OperatorEscalation));
        var escalation = await sink.WaitForAsync(m => m.To == "chief@council.example.org", "the escalation");
        Assert.StartsWith($"Escalation: [FixIt #{id}]", escalation.Subject, StringComparison.Ordinal);
        Assert.Contains("Sent to Demo City Council.", escalation.Text, StringComparison.Ordinal);
        Assert.Contains("Reminder sent to Demo City Council.", escalation.Text, StringComparison.Ordinal);
        var page = await app.Client.GetStringAsync($"reports/{id}");
        Assert.Contains("Escalated at Demo City Council", page, StringComparison.Ordinal);
        var figures = await app.Client.GetStringAsync($"operators/{council.Slug}");
        Assert.Matches("data-testid=\"escalated\">[1-9]", figures);

        // The reminder's own "acknowledge" link works.
        var second = sink.Received.Last(m => m.Subject.StartsWith($"Reminder: [FixIt #{id}]", StringComparison.Ordinal));
        using var acknowledged = await app.Client.SubmitLinkFormAsync(ReportLifeByEmailTests.ActionPath(second, "acknowledge"));
        Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);
        Assert.Equal(ReportStatus.Acknowledged, await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task An_acknowledged_report_still_open_after_the_fix_target_gets_one_still_open_reminder(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, fakeClock: true);
        var council = await FollowUpFlow.CouncilAsync(app);
        var (id, toOperator) = await FollowUpFlow.SentReportAsync(app, sink, MailApps.UniqueEmail("fix"), "Lamp flickering on Kirk Gate");
        using var acknowledged = await app.Client.SubmitLinkFormAsync(ReportLifeByEmailTests.ActionPath(toOperator, "acknowledge"));
        Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);

        // Acknowledged in time: no "not acknowledged" reminder, ever.
        app.Clock!.Advance(TimeSpan.FromDays(council.FixTargetDays) - TimeSpan.FromHours(1));
        await app.RunJobAsync(new SendRemindersCommand());
        Assert.Equal(0, await FollowUpFlow.CountAsync(app, id, MailKind.OperatorReminder));

        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.RunJobAsync(new SendRemindersCommand());
        app.Clock.Advance(TimeSpan.FromDays(30));
        await app.RunJobAsync(new SendRemindersCommand());
        Assert.Equal(1, await FollowUpFlow.CountAsync(app, id, MailKind.OperatorReminder));
        var reminder = await sink.WaitForAsync(m => m.Subject.StartsWith($"Reminder: [FixIt #{id}]", StringComparison.Ordinal), "the still-open reminder");
        Assert.Equal(FollowUpFlow.Council, reminder.To);
        Assert.Contains("still open", reminder.Text, StringComparison.Ordinal);
        Assert.Contains("Reminder sent to Demo City Council: still open after its fix target.", await app.Client.GetStringAsync($"reports/{id}"),
            StringComparison.Ordinal);

        // No escalation contact: never escalated.
        await app.RunJobAsync(new EscalateReportsCommand());
        Assert.Equal(0, await FollowUpFlow.CountAsync(app, id, MailKind.OperatorEscalation));
    }

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Two_instances_on_one_PostgreSQL_database_send_each_reminder_and_questionnaire_once(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var database = SharedDatabase.Create(provider);
        await using var one = await MailApps.StartAsync(provider, sink, s => s["Database:ConnectionString"] = database.ConnectionString, fakeClock: true);
        await using var two = await MailApps.StartAsync(provider, sink, s => s["Database:ConnectionString"] = database.ConnectionString, fakeClock: true);
        var ids = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add((await FollowUpFlow.SentReportAsync(one, sink, MailApps.UniqueEmail($"two{i}"), $"Lamp {i} out on Briggate")).Id);
        }

        // Both instances' clocks move past the acknowledge target and the questionnaire time; both run both jobs at once, twice.
        var council = await FollowUpFlow.CouncilAsync(one);
        var ahead = TimeSpan.FromDays(Math.Max(council.AcknowledgeTargetDays, 28)) + TimeSpan.FromHours(1);
        one.Clock!.Advance(ahead);
        two.Clock!.Advance(ahead);
        await Task.WhenAll(Enumerable.Range(0, 2).SelectMany(_ => new[]
        {
            one.RunJobAsync(new SendRemindersCommand()), two.RunJobAsync(new SendRemindersCommand()),
            one.RunJobAsync(new SendQuestionnairesCommand()),
            two.RunJobAsync(new SendQuestionnairesCommand()),
        }));

        foreach (var id in ids)
        {
            Assert.Equal(1, await FollowUpFlow.CountAsync(one, id, MailKind.OperatorReminder));
            Assert.Equal(1, await FollowUpFlow.CountAsync(one, id, MailKind.ReporterQuestionnaire));
            Assert.Equal(1, await one.WithDbAsync(db => db.ReportEvents.CountAsync(e => e.ReportId == id && e.PublicText == "Reminder sent to Demo City Council.")));
        }

        await SmtpSink.WaitUntilAsync(() => sink.Received.Count(m => m.Subject.StartsWith("Reminder: ", StringComparison.Ordinal)) >= ids.Count,
            TimeSpan.FromSeconds(30), "the reminders");
        await Task.Delay(500);
        Assert.Equal(ids.Count, sink.Received.Count(m => m.Subject.StartsWith("Reminder: ", StringComparison.Ordinal)));
    }
}
