using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FixIt.Benchmarks.Mail;

/// <summary>
/// A minimal SMTP receiver on loopback that accepts everything and only counts, so the figure is the
/// dispatcher's, not the receiver's. (The SmtpServer package, used by the tests, closes a session after a
/// few thousand messages and costs more CPU per message than the sender under test.) <c>XCNT</c> answers
/// <c>250 &lt;count&gt;</c>, so a sender in another process can check what arrived.
/// </summary>
internal sealed class CountingSmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private long _count;

    public CountingSmtpSink(int port = 0)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public long Count => Interlocked.Read(ref _count);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        client.NoDelay = true;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1, false, 64 * 1024);
        await using var writer = new StreamWriter(stream, Encoding.Latin1, 4096) { NewLine = "\r\n" };
        await ReplyAsync(writer, "220 sink.bench ESMTP");
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "DATA":
                        await ReplyAsync(writer, "354 go ahead");
                        while (await reader.ReadLineAsync() is { } data && data != ".")
                        {
                        }

                        Interlocked.Increment(ref _count);
                        await ReplyAsync(writer, "250 2.0.0 queued");
                        break;
                    case "EHLO":
                        await ReplyAsync(writer, "250-sink.bench\r\n250-PIPELINING\r\n250 8BITMIME");
                        break;
                    case "XCNT":
                        await ReplyAsync(writer, $"250 {Count}");
                        break;
                    case "QUIT":
                        await ReplyAsync(writer, "221 bye");
                        return;
                    default:
                        await ReplyAsync(writer, "250 ok");
                        break;
                }
            }
        }
        catch (IOException)
        {
            // The client went away.
        }
    }

    private static async Task ReplyAsync(StreamWriter writer, string line)
    {
        await writer.WriteLineAsync(line);
        await writer.FlushAsync();
    }
}
