using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace FixIt.Benchmarks.Mail;

/// <summary>Where the benchmark sends, and how it learns how many messages that receiver has counted.</summary>
internal interface ISinkCounter
{
    string Host { get; }

    int Port { get; }

    Task<long> CountAsync();
}

internal sealed class InProcessSinkCounter(CountingSmtpSink sink) : ISinkCounter
{
    public string Host => "127.0.0.1";

    public int Port => sink.Port;

    public Task<long> CountAsync() => Task.FromResult(sink.Count);
}

/// <summary>A <c>--sink-only</c> receiver in another process, asked for its count over SMTP (<c>XCNT</c>).</summary>
internal sealed class RemoteSinkCounter(string host, int port) : ISinkCounter
{
    public string Host => host;

    public int Port => port;

    public async Task<long> CountAsync()
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.ConnectAsync(host, port, timeout.Token);
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        await reader.ReadLineAsync(timeout.Token); // greeting
        await writer.WriteLineAsync("XCNT");
        var reply = await reader.ReadLineAsync(timeout.Token) ?? throw new IOException("The sink closed the connection.");
        await writer.WriteLineAsync("QUIT");
        return reply.StartsWith("250 ", StringComparison.Ordinal)
            ? long.Parse(reply[4..], CultureInfo.InvariantCulture)
            : throw new IOException($"Unexpected reply to XCNT: {reply}");
    }
}
