using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>
/// A bare SMTP client for what real clients will not send: arbitrary bytes as DATA, no SIZE parameter.
/// Returns every reply code, so tests can say at which step something was refused.
/// </summary>
public static class RawSmtp
{
    public static async Task<List<int>> SendAsync(IPEndPoint server, string from, string to, byte[] data)
    {
        using var client = new TcpClient();
        client.ReceiveTimeout = 30_000;
        await client.ConnectAsync(server);
        await using var stream = client.GetStream();
        var codes = new List<int> { await ReadReplyAsync(stream) };
        foreach (var command in new[] { "EHLO fuzz.test", $"MAIL FROM:<{from}>", $"RCPT TO:<{to}>", "DATA" })
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
            var code = await ReadReplyAsync(stream);
            codes.Add(code);
            if (code >= 400)
            {
                return codes;
            }
        }

        try
        {
            await stream.WriteAsync(DotStuff(data));
            await stream.WriteAsync(".\r\n"u8.ToArray());
            codes.Add(await ReadReplyAsync(stream));
            await stream.WriteAsync("QUIT\r\n"u8.ToArray());
        }
        catch (IOException)
        {
            // The server may close the connection on an oversize message: that is the refusal, recorded as 0.
            codes.Add(0);
        }

        return codes;
    }

    /// <summary>Doubles a leading dot on each line, as RFC 5321 transparency requires, and ends the data with CRLF.</summary>
    public static byte[] DotStuff(byte[] data)
    {
        var output = new MemoryStream(data.Length + 64);
        var atLineStart = true;
        foreach (var b in data)
        {
            if (atLineStart && b == '.')
            {
                output.WriteByte((byte)'.');
            }

            output.WriteByte(b);
            atLineStart = b == '\n';
        }

        if (!data.AsSpan().EndsWith("\r\n"u8))
        {
            output.Write("\r\n"u8);
        }

        return output.ToArray();
    }

    private static async Task<int> ReadReplyAsync(NetworkStream stream)
    {
        // Multi-line replies ("250-...") end with a line whose fourth character is a space.
        var line = new StringBuilder();
        var buffer = new byte[1];
        while (true)
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                return 0;
            }

            if (buffer[0] == '\n')
            {
                var text = line.ToString().TrimEnd('\r');
                line.Clear();
                if (text.Length >= 4 && text[3] == ' ' || text.Length == 3)
                {
                    return int.Parse(text[..3], System.Globalization.CultureInfo.InvariantCulture);
                }

                continue;
            }

            line.Append((char)buffer[0]);
        }
    }
}
