using System.Net.Sockets;
using System.Text;
using FixIt.Infrastructure.Persistence;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>The listener's replies name the server only, and a too large announced SIZE is refused at MAIL FROM.</summary>
[Collection(InboundMailCollection.Name)]
public sealed class SmtpWordingTests(InboundMailFixture apps)
{
    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task EHLO_and_HELO_answer_with_the_server_name_and_no_library_wording(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        using var client = new TcpClient();
        await client.ConnectAsync(mail.Smtp);
        var stream = client.GetStream();
        await ReplyAsync(stream);

        var ehlo = await CommandAsync(stream, "EHLO x");
        Assert.Equal("250-mx.fixit.test", ehlo[0]);
        Assert.Contains(ehlo, l => l.StartsWith("250 ", StringComparison.Ordinal));
        Assert.DoesNotContain(ehlo, l => l.Contains("Hello", StringComparison.OrdinalIgnoreCase) || l.Contains("met before", StringComparison.Ordinal));

        Assert.Equal(["250 mx.fixit.test"], await CommandAsync(stream, "HELO x"));
    }

    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task A_MAIL_FROM_announcing_more_than_the_largest_message_is_refused_with_552(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        foreach (var size in new[] { "99999999999", "999999999999999999999999", "20000000" })
        {
            using var client = new TcpClient();
            await client.ConnectAsync(mail.Smtp);
            var stream = client.GetStream();
            await ReplyAsync(stream);
            await CommandAsync(stream, "EHLO client.example.org");
            var answer = await CommandAsync(stream, $"MAIL FROM:<a@example.org> SIZE={size}");
            Assert.True(answer[^1].StartsWith("552", StringComparison.Ordinal), $"SIZE={size}: {answer[^1]}");
        }

        using var fits = new TcpClient();
        await fits.ConnectAsync(mail.Smtp);
        await ReplyAsync(fits.GetStream());
        await CommandAsync(fits.GetStream(), "EHLO client.example.org");
        Assert.StartsWith("250", (await CommandAsync(fits.GetStream(), "MAIL FROM:<a@example.org> SIZE=1000"))[^1], StringComparison.Ordinal);
    }

    private static async Task<List<string>> CommandAsync(NetworkStream stream, string command)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
        return await ReplyAsync(stream);
    }

    /// <summary>All lines of one reply.</summary>
    private static async Task<List<string>> ReplyAsync(NetworkStream stream)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var lines = new List<string>();
        var line = new List<byte>();
        var buffer = new byte[1];
        while (await stream.ReadAsync(buffer, cancel.Token) == 1)
        {
            if (buffer[0] != '\n')
            {
                line.Add(buffer[0]);
                continue;
            }

            var text = Encoding.ASCII.GetString([.. line]).TrimEnd('\r');
            line.Clear();
            lines.Add(text);
            if (text.Length < 4 || text[3] == ' ')
            {
                break;
            }
        }

        return lines;
    }
}
