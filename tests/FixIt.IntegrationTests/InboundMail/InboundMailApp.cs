using System.Net;
using FixIt.Domain.Inbound;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Mail.Inbound.Smtp;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>The app with its inbound SMTP listener on a free loopback port, and helpers to set a report up for replies.</summary>
public sealed class InboundMailApp : IAsyncDisposable
{
    public const string ReplyDomain = "reply.fixit.test";
    public const string OperatorContact = "reports@council.example.org";
    public const string ReporterEmail = "ada.resident@example.net";

    private InboundMailApp(FixItApp app, IPEndPoint smtp)
    {
        App = app;
        Smtp = smtp;
    }

    public FixItApp App { get; }

    public IPEndPoint Smtp { get; }

    public static async Task<InboundMailApp> StartAsync(DatabaseProvider provider, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["InboundMail:ReplyDomain"] = ReplyDomain,
            ["InboundMail:MaxMessageBytes"] = (256 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["InboundMail:Smtp:Enabled"] = "true",
            ["InboundMail:Smtp:ListenAddress"] = "127.0.0.1",
            ["InboundMail:Smtp:Port"] = "0",
            ["InboundMail:Smtp:ServerName"] = "mx.fixit.test",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = await FixItApp.StartAsync(provider, all);
        var listener = app.Services.GetRequiredService<InboundSmtpListener>();
        var endpoint = await listener.Started.WaitAsync(TimeSpan.FromSeconds(30));
        return new InboundMailApp(app, endpoint);
    }

    public Task<(int Id, string ReplyAddress)> SentReportAsync(string title, bool showName = true) => App.SentReportAsync(title, showName);

    public Task<List<InboundMessage>> InboundMessagesAsync() =>
        App.WithDbAsync(db => db.InboundMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    public Task<string> PageShowingAsync(int id, string text, TimeSpan? timeout = null) => App.PageShowingAsync(id, text, timeout);

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

/// <summary>Reports set up as replies find them, on any running app.</summary>
public static class ReportSetup
{
    /// <summary>A confirmed report, sent to Demo City Council: what an operator's email would be about. Returns id and reply address.</summary>
    public static async Task<(int Id, string ReplyAddress)> SentReportAsync(this FixItApp app, string title, bool showName = true)
    {
        var body = ReportRequests.Valid(title);
        body["showName"] = showName;
        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
        var key = await app.WithDbAsync(async db =>
        {
            var report = await db.Reports.SingleAsync(r => r.Id == id);
            report.Confirm(EventSource.Web, DateTimeOffset.UtcNow);
            report.MarkSent("Demo City Council", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return report.ReplyKey;
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
