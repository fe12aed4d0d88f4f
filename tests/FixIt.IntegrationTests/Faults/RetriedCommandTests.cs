using System.Net;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Faults;

/// <summary>
/// A command retried after a transient database fault starts from a clean slate: nothing the failed attempt added
/// or changed in memory is saved twice or read back as if it had happened (issue 13, bug 2).
/// </summary>
public sealed class RetriedCommandTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Submit_retried_after_a_fault_following_the_insert_stores_one_report_and_one_confirmation(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        var faults = new TransientFaultInjector(provider);
        await using var app = await FixItApp.StartAsync(provider, MailApps.SmtpSettings(sink), faults.AddTo);
        var title = $"Retried lamp {Guid.NewGuid():N}";

        faults.FailOnceAfter("INSERT INTO \"Reports\"");
        var submitted = await app.Client.SubmitAsync(ReportRequests.Valid(title));

        Assert.Equal(1, faults.Fired);
        var id = submitted.GetProperty("id").GetInt32();
        var stored = await app.WithDbAsync(db => db.Reports.Where(r => r.Title == title).Select(r => r.Id).ToListAsync());
        Assert.Equal([id], stored);
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ReportId == id && m.Kind == MailKind.ReporterConfirmation)));
        Assert.Equal([ReportEventKind.Created, ReportEventKind.Routed],
            await app.WithDbAsync(db => db.ReportEvents.Where(e => e.ReportId == id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync()));

        // The secret link the answer gave is the one stored.
        using var page = await app.Client.GetAsync(submitted.SecretPath());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(title, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Confirmation_retried_after_a_fault_following_the_token_update_confirms_once_and_says_so(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        var faults = new TransientFaultInjector(provider);
        await using var app = await FixItApp.StartAsync(provider, MailApps.SmtpSettings(sink), faults.AddTo);
        var title = $"Retried confirmation {Guid.NewGuid():N}";
        var id = (await app.Client.SubmitAsync(ReportRequests.Valid(title))).GetProperty("id").GetInt32();
        var confirmation = await sink.WaitForAsync(m => m.Subject == $"Confirm your report: {title}", "the confirmation email");

        faults.FailOnceAfter("UPDATE \"AccessTokens\"");
        using var confirmed = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "confirm/"));

        Assert.Equal(1, faults.Fired);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal($"/reports/{id}", confirmed.Headers.Location!.OriginalString);
        Assert.Equal(ReportStatus.Open, await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.ReportEvents.CountAsync(e => e.ReportId == id && e.ToStatus == ReportStatus.Open)));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ReportId == id && m.Kind == MailKind.OperatorReport)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AccessTokens.CountAsync(t => t.ReportId == id && t.Purpose == TokenPurpose.Respond)));

        // Used now, and only now: the same link again is told so.
        using var again = await app.Client.GetAsync(MailApps.LinkPath(confirmation, "confirm/"));
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
    }
}
