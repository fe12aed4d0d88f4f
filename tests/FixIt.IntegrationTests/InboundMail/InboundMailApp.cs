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

    /// <summary>A confirmed report, sent to Demo City Council: what an operator's email would be about. Returns id and reply address.</summary>
    public async Task<(int Id, string ReplyAddress)> SentReportAsync(string title, bool showName = true)
    {
        var body = ReportRequests.Valid(title);
        body["showName"] = showName;
        var id = (await App.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
        var key = await App.WithDbAsync(async db =>
        {
            var report = await db.Reports.SingleAsync(r => r.Id == id);
            report.Confirm(EventSource.Web, DateTimeOffset.UtcNow);
            report.MarkSent("Demo City Council", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return report.ReplyKey;
        });
        return (id, $"reply+{key}@{ReplyDomain}");
    }

    public Task<List<InboundMessage>> InboundMessagesAsync() =>
        App.WithDbAsync(db => db.InboundMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    /// <summary>Waits (bounded) until the report's page shows the text: processing follows the 250 at once, but asynchronously for IMAP.</summary>
    public async Task<string> PageShowingAsync(int id, string text, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        string page;
        do
        {
            page = await App.Client.GetStringAsync($"reports/{id}");
            if (page.Contains(text, StringComparison.Ordinal))
            {
                return page;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        return page;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
