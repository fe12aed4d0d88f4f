using System.Net;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.OutsideFixes;

/// <summary>"Me too" counts only on an open report: refused at the POST and at the emailed link, with no email.</summary>
public sealed class ClosedReportSupportTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Me_too_on_a_fixed_or_duplicate_report_is_refused_and_mails_nothing(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        foreach (var ended in new[] { ReportStatus.Fixed, ReportStatus.Duplicate })
        {
            var (id, _) = await ReportSubscriptionTests.PublicReportAsync(app, sink, MailApps.UniqueEmail("ada"));
            await MoveAsync(app, id, ended);
            var page = await app.Client.GetStringAsync($"reports/{id}");
            Assert.DoesNotContain($"action=\"/reports/{id}/support\"", page, StringComparison.Ordinal);

            // A hand-made POST with this browser's own antiforgery token (the follow form still has one).
            using var asked = await app.Client.SubmitFormAsync($"reports/{id}", $"reports/{id}/support", ("email", MailApps.UniqueEmail("sam")));
            Assert.Equal(HttpStatusCode.Conflict, asked.StatusCode);
            Assert.Contains("only on an open report", WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            Assert.Equal(0, await app.WithDbAsync(db => db.ReportSupports.CountAsync(s => s.ReportId == id)));
            Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ReportId == id && m.Kind == MailKind.SupportConfirmation)));
        }
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_me_too_link_used_after_the_report_was_fixed_counts_nothing(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var (id, _) = await ReportSubscriptionTests.PublicReportAsync(app, sink, MailApps.UniqueEmail("ada"));
        var neighbour = MailApps.UniqueEmail("sam");
        using (var asked = await app.Client.SubmitFormAsync($"reports/{id}", $"reports/{id}/support", ("email", neighbour)))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        }

        var confirmation = await sink.WaitForAsync(m => m.To == neighbour, "the me-too confirmation");
        await MoveAsync(app, id, ReportStatus.Fixed);

        var link = MailApps.LinkPath(confirmation, "support/");
        using (var shown = await app.Client.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.Conflict, shown.StatusCode);
        }

        // The link's own page is refused now, so the form's token comes from the report page (the same browser's).
        using var confirmed = await app.Client.SubmitFormAsync($"reports/{id}", link);
        Assert.Equal(HttpStatusCode.Conflict, confirmed.StatusCode);
        Assert.Contains("only on an open report", WebUtility.HtmlDecode(await confirmed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ReportSupports.CountAsync(s => s.ReportId == id && s.ConfirmedAt != null)));
        Assert.Equal(0, (await app.Client.GetJsonAsync($"api/reports/{id}")).GetProperty("supporterCount").GetInt32());
    }

    internal static Task MoveAsync(FixItApp app, int id, ReportStatus to) =>
        app.WithDbAsync(async db =>
        {
            var report = await db.Reports.Include(r => r.Events).SingleAsync(r => r.Id == id);
            report.ChangeStatus(to, ActorKind.Admin, "Staff", EventSource.Admin, null, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
}
