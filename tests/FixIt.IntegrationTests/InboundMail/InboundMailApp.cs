using System.Net;
using FixIt.Application.Common;
using FixIt.Domain.Inbound;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Mail.Inbound.Smtp;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>
/// The app with both mail directions live: outbound SMTP into a test sink, and the inbound SMTP listener on a free
/// loopback port. Reports are set up as an operator gets them: the reply address is read from the email received.
/// </summary>
public sealed class InboundMailApp : IAsyncDisposable
{
    public const string ReplyDomain = "reply.fixit.test";
    public const string OperatorContact = "reports@council.example.org";
    public const string ReporterEmail = "ada.resident@example.net";

    private InboundMailApp(FixItApp app, IPEndPoint smtp, SmtpSink sink)
    {
        App = app;
        Smtp = smtp;
        Sink = sink;
    }

    public FixItApp App { get; }

    /// <summary>The inbound listener.</summary>
    public IPEndPoint Smtp { get; }

    /// <summary>Where the app's outgoing mail arrives.</summary>
    public SmtpSink Sink { get; }

    public static async Task<InboundMailApp> StartAsync(DatabaseProvider provider, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var sink = await SmtpSink.StartAsync();
        try
        {
            var all = MailApps.SmtpSettings(sink);
            all["Mail:ReplyDomain"] = ReplyDomain;
            all["InboundMail:MaxMessageBytes"] = (256 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
            all["InboundMail:Smtp:Enabled"] = "true";
            all["InboundMail:Smtp:ListenAddress"] = "127.0.0.1";
            all["InboundMail:Smtp:Port"] = "0";
            all["InboundMail:Smtp:ServerName"] = "mx.fixit.test";
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                all[key] = value;
            }

            var app = await FixItApp.StartAsync(provider, all, configureServices);
            var listener = app.Services.GetRequiredService<InboundSmtpListener>();
            var endpoint = await listener.Started.WaitAsync(TimeSpan.FromSeconds(30));
            return new InboundMailApp(app, endpoint, sink);
        }
        catch
        {
            await sink.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A report submitted through the JSON API, confirmed with the link of the confirmation email and sent to Demo
    /// City Council, with the operator email as the sink received it. Titles must be unique within one app.
    /// </summary>
    public async Task<SentReport> SentReportAsync(string title, bool showName = true)
    {
        var subject = $"Confirm your report: {title}";
        Assert.DoesNotContain(Sink.Received, m => m.Subject == subject);
        var body = ReportRequests.Valid(title);
        body["showName"] = showName;
        var id = (await App.Client.SubmitAsync(body)).GetProperty("id").GetInt32();

        var confirmation = await Sink.WaitForAsync(m => m.To == ReporterEmail && m.Subject == subject, $"the confirmation of \"{title}\"");
        using var confirmed = await App.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "confirm/"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var toOperator = await Sink.WaitForAsync(m => m.To == OperatorContact && m.Subject.Contains($" #{id}]", StringComparison.Ordinal),
            $"the operator email of report {id}");
        return new SentReport(id, toOperator);
    }

    /// <summary>The reporter's "sent to" notice of a sent report: it carries the reporter's own reply address.</summary>
    public Task<ReceivedMail> SentNoticeAsync(int id) =>
        Sink.WaitForAsync(m => m.To == ReporterEmail && m.Subject.Contains($" #{id}] Sent to", StringComparison.Ordinal), $"the sent notice of report {id}");

    public Task<List<InboundMessage>> InboundMessagesAsync() =>
        App.WithDbAsync(db => db.InboundMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    public Task<string> PageShowingAsync(int id, string text, TimeSpan? timeout = null) => App.PageShowingAsync(id, text, timeout);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Sink.DisposeAsync();
    }
}

/// <summary>A report sent to its operator, and the email the operator received.</summary>
public sealed class SentReport(int id, ReceivedMail operatorMail)
{
    public int Id { get; } = id;

    public ReceivedMail OperatorMail { get; } = operatorMail;

    /// <summary>The operator email's Reply-To, as a mail client would answer it.</summary>
    public string ReplyAddress => OperatorMail.Message.ReplyTo.Mailboxes.Single().Address;

    public void Deconstruct(out int id, out string replyAddress)
    {
        id = Id;
        replyAddress = ReplyAddress;
    }
}

/// <summary>Reports set up as replies find them, on any running app.</summary>
public static class ReportSetup
{
    /// <summary>
    /// A confirmed report marked sent to Demo City Council, with an operator reply key issued as the operator email would. Only for apps
    /// without outbound SMTP (the IMAP tests); <see cref="InboundMailApp.SentReportAsync"/> takes it from a sent email.
    /// </summary>
    public static async Task<(int Id, string ReplyAddress)> MarkedSentReportAsync(this FixItApp app, string title, bool showName = true)
    {
        var body = ReportRequests.Valid(title);
        body["showName"] = showName;
        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
        var key = await app.WithDbAsync(async db =>
        {
            var report = await db.Reports.SingleAsync(r => r.Id == id);
            report.Confirm(EventSource.Web, DateTimeOffset.UtcNow);
            report.MarkSent("Demo City Council", DateTimeOffset.UtcNow);
            var contact = await db.OperatorContacts.OrderBy(c => c.Id).FirstAsync(c => c.OperatorId == report.OperatorId);
            var issued = ReplyKey.ForOperator(RandomKeys.Base32(15), id, contact.OperatorId, contact.Id, contact.Email, DateTimeOffset.UtcNow);
            db.ReplyKeys.Add(issued);
            await db.SaveChangesAsync();
            return issued.Key;
        });
        return (id, $"reply+{key}@{InboundMailApp.ReplyDomain}");
    }

    /// <summary>Waits (bounded) until the report's page shows the text: SMTP processing answers after recording, IMAP polls.</summary>
    public static async Task<string> PageShowingAsync(this FixItApp app, int id, string text, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        string page;
        do
        {
            page = await app.Client.GetStringAsync($"reports/{id}");
            if (page.Contains(text, StringComparison.Ordinal))
            {
                return page;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        return page;
    }
}
