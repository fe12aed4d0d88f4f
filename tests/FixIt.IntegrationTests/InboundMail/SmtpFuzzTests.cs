using FixIt.Domain.Inbound;
using FixIt.Infrastructure.Persistence;
using FixIt.UnitTests.Mail;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>Malformed and random MIME over the wire: every message is answered 250 and stored byte for byte; the listener carries on.</summary>
[Collection(InboundMailCollection.Name)]
public sealed class SmtpFuzzTests(InboundMailFixture apps)
{
    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task Random_and_malformed_messages_never_stop_the_listener_or_lose_the_raw_message(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var (id, reply) = await mail.SentReportAsync("Fuzz target");
        var corpus = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "MailCorpus"), "*.eml").Select(File.ReadAllBytes).ToList();
        var random = new Random(provider == DatabaseProvider.Sqlite ? 11 : 12);
        var sent = new List<byte[]>();

        for (var i = 0; i < 300; i++)
        {
            var data = WithCrlf(MimeFuzz.Message(random, corpus));
            var codes = await RawSmtp.SendAsync(mail.Smtp, i % 3 == 0 ? "" : InboundMailApp.OperatorContact, reply, data);
            Assert.True(codes[^1] == 250, $"Message {i} was answered {string.Join(' ', codes)}");
            sent.Add(data);
        }

        var stored = await mail.App.WithDbAsync(db => db.InboundMessages.AsNoTracking()
            .Where(m => m.ReplyKey != null && reply.Contains(m.ReplyKey)).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(sent.Count, stored.Count);
        for (var i = 0; i < sent.Count; i++)
        {
            var diff = sent[i].AsSpan().CommonPrefixLength(stored[i].Raw);
            Assert.True(sent[i].AsSpan().SequenceEqual(stored[i].Raw),
                $"Message {i} was not stored as sent: {sent[i].Length} bytes sent, {stored[i].Raw.Length} stored, first difference at {diff}: "
                + $"sent '{Convert.ToHexString(sent[i].AsSpan(Math.Max(0, diff - 8), Math.Min(24, sent[i].Length - Math.Max(0, diff - 8))))}' "
                + $"stored '{Convert.ToHexString(stored[i].Raw.AsSpan(Math.Max(0, diff - 8), Math.Min(24, stored[i].Raw.Length - Math.Max(0, diff - 8))))}'");
            Assert.True(stored[i].Status != InboundMessageStatus.Received, $"Message {i} is still Received: {stored[i].Outcome}");
        }

        // Still serving: a proper reply afterwards is published.
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", mail.Smtp.Port, SecureSocketOptions.None);
        await client.SendAsync(OperatorReply.To(reply, InboundMailApp.OperatorContact, "After the storm, a proper reply.", id));
        await client.DisconnectAsync(true);
        var page = await mail.PageShowingAsync(id, "After the storm, a proper reply.");
        Assert.Contains("After the storm, a proper reply.", page, StringComparison.Ordinal);
    }

    /// <summary>SMTP carries lines: bare CR and LF become CRLF and the last line is ended, so "stored as sent" is well defined.</summary>
    private static byte[] WithCrlf(byte[] data)
    {
        var output = new List<byte>(data.Length + 64);
        for (var i = 0; i < data.Length; i++)
        {
            var b = data[i];
            if (b == '\r' && i + 1 < data.Length && data[i + 1] == '\n')
            {
                continue;
            }

            if (b is (byte)'\r' or (byte)'\n')
            {
                output.Add((byte)'\r');
                output.Add((byte)'\n');
                continue;
            }

            output.Add(b);
        }

        if (output.Count < 2 || output[^1] != '\n')
        {
            output.Add((byte)'\r');
            output.Add((byte)'\n');
        }

        return [.. output];
    }
}
