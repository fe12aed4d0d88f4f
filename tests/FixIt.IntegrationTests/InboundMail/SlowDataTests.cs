using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using MimeKit;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>A listener whose data phase may last at most 3 s, however steadily a client trickles.</summary>
public sealed class SlowDataFixture : PerProviderApps<InboundMailApp>
{
    public const int MaxDataSeconds = 3;

    protected override Task<InboundMailApp> StartAsync(DatabaseProvider provider) => InboundMailApp.StartAsync(provider, new Dictionary<string, string?>
    {
        ["InboundMail:Smtp:MaxDataSeconds"] = MaxDataSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });
}

public sealed class SlowDataTests(SlowDataFixture apps) : IClassFixture<SlowDataFixture>
{
    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task A_client_trickling_its_data_is_answered_421_and_dropped_while_another_delivers(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var (id, reply) = await mail.SentReportAsync($"Slow data {provider}");

        using var slow = await LoopbackSmtp.ConnectAsync("127.0.0.9", mail.Smtp);
        await slow.ReadReplyAsync();
        foreach (var command in new[] { "EHLO slow.example", $"MAIL FROM:<{InboundMailApp.OperatorContact}>", $"RCPT TO:<{reply}>" })
        {
            Assert.StartsWith("250", await slow.CommandAsync(command), StringComparison.Ordinal);
        }

        Assert.StartsWith("354", await slow.CommandAsync("DATA"), StringComparison.Ordinal);
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var trickle = TrickleAsync(slow, stop.Token);

        // Meanwhile another client delivers at once.
        using (var other = await LoopbackSmtp.ConnectAsync("127.0.0.10", mail.Smtp))
        {
            await other.ReadReplyAsync();
            var message = OperatorReply.To(reply, InboundMailApp.OperatorContact, "Delivered beside a slow client.", id);
            Assert.StartsWith("250", await other.SendAsync(InboundMailApp.OperatorContact, reply, Bytes(message)), StringComparison.Ordinal);
        }

        // One byte every 200 ms never trips the 30 s read timeout; only the data deadline ends it.
        var answer = await slow.ReadReplyAsync(TimeSpan.FromSeconds(SlowDataFixture.MaxDataSeconds + 20));
        Assert.StartsWith("421 ", answer, StringComparison.Ordinal);
        Assert.Equal("", await slow.ReadReplyAsync(TimeSpan.FromSeconds(10)));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(SlowDataFixture.MaxDataSeconds + 15));
        await stop.CancelAsync();
        await trickle;

        Assert.Contains("Delivered beside a slow client.", await mail.PageShowingAsync(id, "Delivered beside a slow client."), StringComparison.Ordinal);
    }

    private static async Task TrickleAsync(LoopbackSmtp client, CancellationToken stop)
    {
        var bytes = Encoding.ASCII.GetBytes("Subject: slow\r\n\r\n" + new string('x', 400));
        try
        {
            for (var i = 0; i < bytes.Length && !stop.IsCancellationRequested; i++)
            {
                await client.WriteAsync(bytes.AsMemory(i, 1));
                await Task.Delay(200, stop);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The server closed the connection (what is expected), or the test is over.
        }
    }

    private static byte[] Bytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        message.WriteTo(format, stream);
        return [.. stream.ToArray(), (byte)'\r', (byte)'\n'];
    }
}
