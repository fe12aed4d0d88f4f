using System.Net;
using FixIt.Application.Common.Scheduling;
using FixIt.Application.Features.FollowUp.EscalateReports;
using FixIt.Application.Features.FollowUp.ExpireUnconfirmed;
using FixIt.Application.Features.FollowUp.SendQuestionnaires;
using FixIt.Application.Features.FollowUp.SendReminders;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.FollowUp;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Persistence;

/// <summary>The first run's demo data: reports with real-looking histories, so the map and figures show something.</summary>
public sealed class DemoSeedTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task The_demo_seed_adds_reports_with_histories_and_places_and_sends_no_email(DatabaseProvider provider)
    {
        await using var app = await FixItApp.StartAsync(provider, new Dictionary<string, string?> { ["Seed:DemoReports"] = "300" });

        var statuses = await app.WithDbAsync(db => db.Reports.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(300, statuses.Sum(s => s.Count));
        var byStatus = statuses.ToDictionary(s => s.Key, s => s.Count);
        Assert.True(byStatus.GetValueOrDefault(ReportStatus.Fixed) > 50, $"Fixed: {byStatus.GetValueOrDefault(ReportStatus.Fixed)}");
        Assert.True(byStatus.GetValueOrDefault(ReportStatus.Open) > 0);
        Assert.True(byStatus.GetValueOrDefault(ReportStatus.Unconfirmed) > 0);
        Assert.Contains(byStatus.Keys, s => ReportStatusRules.TypeOf(s) == StatusType.Closed);

        var overdueBefore = DateTimeOffset.UtcNow.AddDays(-3);
        Assert.True(await app.WithDbAsync(db => db.Reports.CountAsync(r => r.Status == ReportStatus.Open && r.ConfirmedAt != null
            && r.ConfirmedAt < overdueBefore && r.SecondsToAcknowledge == null)) > 0, "No overdue report");
        Assert.True(await app.WithDbAsync(db => db.ReportEvents.CountAsync(e => e.Kind == ReportEventKind.Rerouted)) > 0, "No re-routed report");
        Assert.True(await app.WithDbAsync(db => db.ReportEvents.CountAsync(e => e.Kind == ReportEventKind.Note && e.Source == EventSource.EmailReply)) > 0,
            "No reply");
        Assert.True(await app.WithDbAsync(db => db.ReportSupports.CountAsync(s => s.ConfirmedAt != null)) > 0, "No me too");
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync()));

        // The gazetteer has the streets and stops, each report names the place it is near, and a category's required
        // question is answered.
        Assert.True(await app.WithDbAsync(db => db.Places.CountAsync(p => p.Kind == "stop")) > 0, "No stop in the gazetteer");
        Assert.Contains("Park Lane", await app.Client.GetStringAsync("api/places?q=park"), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Reports.CountAsync(r => r.NearPlace != null)) > 250, "Reports without a near place");
        Assert.Equal(0, await app.WithDbAsync(db => db.Reports.CountAsync(r => db.Categories.Any(c => c.Id == r.CategoryId && c.Code == "fly-tipping")
            && !r.Attributes.Any(a => a.Code == "size"))));

        // The follow-up already due is in the histories: reminders, questionnaires, reporters confirming fixes; so the
        // scheduled jobs' first run on a fresh database sends nothing (the newcomer's own confirmation email is not lost).
        Assert.True(await app.WithDbAsync(db => db.Reports.CountAsync(r => r.RemindersSent > 0)) > 0, "No reminder in the histories");
        Assert.True(await app.WithDbAsync(db => db.Reports.CountAsync(r => r.QuestionnaireSentAt != null)) > 0, "No questionnaire in the histories");
        Assert.True(await app.WithDbAsync(db => db.Reports.CountAsync(r => r.FixedByReporterAt != null)) > 0, "No fix confirmed by a reporter");
        IScheduledJobCommand[] jobs = [new SendRemindersCommand(), new EscalateReportsCommand(), new SendQuestionnairesCommand(), new ExpireUnconfirmedCommand()];
        foreach (var job in jobs)
        {
            Assert.Equal(new JobRun(0, false), await app.RunJobAsync(job));
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync()));
        Assert.Equal(300, await app.WithDbAsync(db => db.Reports.CountAsync()));

        // The figures a newcomer sees first are not empty.
        var council = WebUtility.HtmlDecode(await app.Client.GetStringAsync("operators/demo-city-council"));
        Assert.Contains("data-testid=\"public-count\">", council, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"public-count\">0<", council, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"median-ack\">—<", council, StringComparison.Ordinal);
        using var map = await app.Client.GetAsync("map");
        Assert.Equal(HttpStatusCode.OK, map.StatusCode);
        Assert.Contains("the 50 newest of", WebUtility.HtmlDecode(await map.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
