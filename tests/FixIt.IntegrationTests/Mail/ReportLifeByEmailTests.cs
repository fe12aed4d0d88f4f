using System.Net;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Mail;

/// <summary>A report's whole life by email, through a real SMTP server on loopback.</summary>
public sealed class ReportLifeByEmailTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Submit_confirm_send_fix_notify_and_unsubscribe_all_by_email(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var reporter = MailApps.UniqueEmail("ada");
        var body = ReportRequests.Valid("Lamp out by the library");
        body["reporterEmail"] = reporter;
        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();

        // 1. The reporter is asked to confirm; nothing goes to the operator before that.
        var confirmation = await sink.WaitForAsync(m => m.To == reporter, "the confirmation email");
        Assert.Equal("fixit@fixit.example.org", confirmation.Message.From.Mailboxes.Single().Address);
        Assert.Contains("Confirm your report", confirmation.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(sink.Received, m => m.To == "reports@council.example.org" && m.Subject.Contains($"#{id}]", StringComparison.Ordinal));
        var confirmPath = MailApps.LinkPath(confirmation, "confirm/");

        // A GET of the link (what a mail scanner does) changes nothing.
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync(confirmPath)).StatusCode);
        Assert.Equal(ReportStatus.Unconfirmed, await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));

        using var confirmed = await app.Client.SubmitLinkFormAsync(confirmPath);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal($"/reports/{id}", confirmed.Headers.Location!.OriginalString);
        Assert.Equal("open", (await app.Client.GetJsonAsync($"api/reports/{id}")).GetProperty("status").GetString());

        // 2. The operator gets the report with action links and the report's own reply address.
        var toOperator = await sink.WaitForAsync(m => m.To == "reports@council.example.org" && m.Subject.Contains($"#{id}]", StringComparison.Ordinal),
            "the operator email");
        var replyKey = await app.WithDbAsync(db => db.ReplyKeys.Where(k => k.ReportId == id && k.Holder == ReplyKeyHolder.Operator).Select(k => k.Key).SingleAsync());
        Assert.Equal($"[FixIt #{id}] Street lighting: Lamp out by the library", toOperator.Subject);
        Assert.Equal($"reply+{replyKey}@reply.fixit.example.org", toOperator.Message.ReplyTo.Mailboxes.Single().Address);

        // VERP: every email has its own envelope sender, where delivery failures for it go; never a reply address.
        var bounceKeys = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.ReportId == id).Select(m => m.BounceKey).ToListAsync());
        Assert.All([confirmation, toOperator], m => Assert.Contains(m.EnvelopeFrom.Split('+', '@')[1], bounceKeys));
        Assert.NotEqual(confirmation.EnvelopeFrom, toOperator.EnvelopeFrom);
        Assert.DoesNotContain(replyKey, toOperator.EnvelopeFrom, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(toOperator.Message.MessageId));
        Assert.Contains("\nDate: ", toOperator.Raw, StringComparison.Ordinal);
        Assert.NotNull(toOperator.Message.HtmlBody);
        Assert.Contains("The light outside number 12 has been out for a week.", toOperator.Text, StringComparison.Ordinal);
        Assert.Contains("53.7997, -1.5492", toOperator.Text, StringComparison.Ordinal);
        Assert.Contains("https://www.openstreetmap.org/?mlat=53.7997&mlon=-1.5492", toOperator.Text, StringComparison.Ordinal);
        Assert.Contains($"{MailApps.PublicBaseUrl}/reports/{id}", toOperator.Text, StringComparison.Ordinal);
        var token = ActionPath(toOperator, "fixed").Split('/')[1];
        foreach (var action in new[] { "acknowledge", "in-progress", "action-scheduled", "fixed", "not-ours", "note" })
        {
            Assert.Equal($"respond/{token}/{action}", ActionPath(toOperator, action));
            Assert.Contains($"{MailApps.PublicBaseUrl}/respond/{token}/{action}\"", toOperator.Message.HtmlBody, StringComparison.Ordinal);
        }

        // 3. The reporter is told where it went.
        var sentNotice = await sink.WaitForAsync(m => m.To == reporter && m.Text.Contains("sent to Demo City Council", StringComparison.Ordinal), "the sent notice");
        var page = await app.Client.GetStringAsync($"reports/{id}");
        Assert.Contains("Sent to Demo City Council.", page, StringComparison.Ordinal);

        // 4. The operator follows "fixed": the public page changes, with the operator's words.
        var fixedPath = ActionPath(toOperator, "fixed");
        using var fixedResponse = await app.Client.SubmitLinkFormAsync(fixedPath, ("text", "New lamp fitted on Tuesday."));
        Assert.Equal(HttpStatusCode.Redirect, fixedResponse.StatusCode);
        page = await app.Client.GetStringAsync($"reports/{id}");
        Assert.Contains("<span data-testid=\"status\">Fixed</span>", page, StringComparison.Ordinal);
        Assert.Contains("New lamp fitted on Tuesday.", page, StringComparison.Ordinal);
        Assert.Contains("by email link", page, StringComparison.Ordinal);

        // 5. The reporter is notified, with a working unsubscribe link.
        var update = await sink.WaitForAsync(m => m.To == reporter && m.Text.Contains("set the status to Fixed", StringComparison.Ordinal), "the update email");
        Assert.Contains("New lamp fitted on Tuesday.", update.Text, StringComparison.Ordinal);
        Assert.StartsWith($"<{MailApps.PublicBaseUrl}/unsubscribe/", update.Message.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        using var unsubscribed = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(update, "unsubscribe/"));
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Contains("no more emails", await unsubscribed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // After unsubscribing, a further public update queues nothing for the reporter.
        using var note = await app.Client.SubmitLinkFormAsync(ActionPath(toOperator, "note"), ("text", "Checked again tonight."));
        Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        var updates = await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ReportId == id && m.Kind == MailKind.ReporterUpdate));
        Assert.Equal(1, updates);
        Assert.Contains("Checked again tonight.", await app.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);
        Assert.Single(sink.Received, m => m == sentNotice);
    }

    internal static string ActionPath(ReceivedMail operatorMail, string action)
    {
        var path = System.Text.RegularExpressions.Regex.Match(operatorMail.Text, $@"https?://\S+/respond/[A-Za-z0-9_-]+/{action}(?=\s)").Value;
        Assert.False(string.IsNullOrEmpty(path), $"No {action} link in the operator email.");
        return MailApps.LinkPath(path, "respond/");
    }
}
