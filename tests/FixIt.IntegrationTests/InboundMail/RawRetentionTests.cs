using FixIt.Domain.Inbound;
using FixIt.Infrastructure.Mail.Inbound;
using FixIt.Infrastructure.Mail.Inbound.Smtp;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>Raw inbound mail is deleted after InboundMail:RawRetentionDays; the retention loop's clock is a FakeTimeProvider moved by the test.</summary>
public sealed class RawRetentionTests
{
    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task Raw_bytes_of_processed_mail_are_deleted_after_the_retention_days_and_the_row_is_kept(DatabaseProvider provider)
    {
        await using var app = await FixItApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Mail:ReplyDomain"] = InboundMailApp.ReplyDomain,
            ["InboundMail:RawRetentionDays"] = "30",
            ["InboundMail:Smtp:Enabled"] = "true",
            ["InboundMail:Smtp:ListenAddress"] = "127.0.0.1",
            ["InboundMail:Smtp:Port"] = "0",
        });
        var smtp = await app.Services.GetRequiredService<InboundSmtpListener>().Started.WaitAsync(TimeSpan.FromSeconds(30));
        var (id, reply) = await app.MarkedSentReportAsync("Retention test");
        var delivered = await DeliverAsync(app, smtp, reply, id, "A reply whose raw bytes are to be forgotten.");

        // The app's own loop runs on the real clock; this one, on the app's database and settings, on a fake clock.
        var clock = new FakeTimeProvider(delivered.ReceivedAt + TimeSpan.FromDays(29));
        using var retention = new InboundRawRetention(app.Services.GetRequiredService<IServiceScopeFactory>(),
            app.Services.GetRequiredService<IOptions<InboundMailOptions>>(), clock, NullLogger<InboundRawRetention>.Instance);
        await retention.StartAsync(CancellationToken.None);
        await PassAsync(retention, 0);
        Assert.Equal(delivered.Raw, (await RowAsync(app, delivered.Id)).Raw);

        var passes = retention.Passes;
        clock.Advance(TimeSpan.FromDays(2));
        await PassAsync(retention, passes);
        await retention.StopAsync(CancellationToken.None);

        var row = await RowAsync(app, delivered.Id);
        Assert.Empty(row.Raw);
        Assert.Equal(delivered.Size, row.Size);
        Assert.Equal(delivered.Status, row.Status);
        Assert.Equal(delivered.Outcome, row.Outcome);
        Assert.Equal(delivered.ReportId, row.ReportId);
    }

    private static Task<InboundMessage> RowAsync(FixItApp app, long id) =>
        app.WithDbAsync(db => db.InboundMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    /// <summary>Waits (bounded) until the retention loop has completed a pass beyond the given count.</summary>
    private static async Task PassAsync(InboundRawRetention retention, int passes)
    {
        for (var attempt = 0; attempt < 100 && retention.Passes <= passes; attempt++)
        {
            await Task.Delay(100);
        }

        Assert.True(retention.Passes > passes, "The retention loop did not run.");
    }

    private static async Task<InboundMessage> DeliverAsync(FixItApp app, System.Net.IPEndPoint smtp, string reply, int id, string text)
    {
        using var client = await LoopbackSmtp.ConnectAsync("127.0.0.1", smtp);
        await client.ReadReplyAsync();
        using var stream = new MemoryStream();
        await OperatorReply.To(reply, InboundMailApp.OperatorContact, text, id).WriteToAsync(stream);
        Assert.StartsWith("250", await client.SendAsync(InboundMailApp.OperatorContact, reply, stream.ToArray()), StringComparison.Ordinal);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var stored = await app.WithDbAsync(db => db.InboundMessages.AsNoTracking().OrderBy(m => m.Id).LastAsync());
            if (stored.Status != InboundMessageStatus.Received)
            {
                Assert.NotEmpty(stored.Raw);
                return stored;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The reply was not processed.");
    }
}
