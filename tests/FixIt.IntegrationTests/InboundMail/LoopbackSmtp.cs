using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>
/// An SMTP connection from a chosen loopback address (127.0.0.2 and so on are all local on Linux), so tests can
/// play several clients; the replies are kept as lines.
/// </summary>
public sealed class LoopbackSmtp : IDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;

    private LoopbackSmtp(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<LoopbackSmtp> ConnectAsync(string fromAddress, IPEndPoint server)
    {
        var client = new TcpClient(new IPEndPoint(IPAddress.Parse(fromAddress), 0));
        await client.ConnectAsync(server);
        return new LoopbackSmtp(client);
    }

    /// <summary>Reads one reply (all its lines); the last line, or "" when the server closed the connection.</summary>
    public async Task<string> ReadReplyAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        var line = new List<byte>();
        var buffer = new byte[1];
        while (await _stream.ReadAsync(buffer, cancel.Token) == 1)
        {
            if (buffer[0] != '\n')
            {
                line.Add(buffer[0]);
                continue;
            }

            var text = Encoding.ASCII.GetString([.. line]).TrimEnd('\r');
            line.Clear();
            if (text.Length < 4 || text[3] == ' ')
            {
                return text;
            }
        }

        return "";
    }

    /// <summary>Raw bytes, as they are (no dot stuffing, no line end).</summary>
    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes) => _stream.WriteAsync(bytes);

    public async Task<string> CommandAsync(string command)
    {
        await _stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
        return await ReadReplyAsync();
    }

    /// <summary>A whole transaction after the greeting; returns the reply to the data (or the first refusal).</summary>
    public async Task<string> SendAsync(string from, string to, byte[] message)
    {
        foreach (var command in new[] { "EHLO client.example.org", $"MAIL FROM:<{from}>", $"RCPT TO:<{to}>", "DATA" })
        {
            var reply = await CommandAsync(command);
            if (!reply.StartsWith('2') && !reply.StartsWith('3'))
            {
                return reply;
            }
        }

        await _stream.WriteAsync(RawSmtp.DotStuff(message));
        await _stream.WriteAsync(".\r\n"u8.ToArray());
        return await ReadReplyAsync();
    }

    public void Dispose()
    {
        _stream.Dispose();
        _client.Dispose();
    }
}
