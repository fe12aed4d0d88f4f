using System.Text;
using FixIt.Infrastructure.Persistence;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>The listener is no relay and takes no mail for made-up addresses or of excessive size.</summary>
[Collection(InboundMailCollection.Name)]
public sealed class SmtpRefusalTests(InboundMailFixture apps)
{
    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task Mail_to_an_unknown_reply_key_is_refused_with_550_at_RCPT(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var (id, _) = await mail.SentReportAsync("Refusal test");
        var unknown = $"reply+abcdefghijklmnopqrstuvwx@{InboundMailApp.ReplyDomain}";
        var before = (await mail.InboundMessagesAsync()).Count;

        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", mail.Smtp.Port, SecureSocketOptions.None);
        var refused = await Assert.ThrowsAsync<SmtpCommandException>(() =>
            client.SendAsync(OperatorReply.To(unknown, InboundMailApp.OperatorContact, "Hello?", id)));

        Assert.Equal(SmtpErrorCode.RecipientNotAccepted, refused.ErrorCode);
        Assert.Equal(550, (int)refused.StatusCode);
        var codes = await RawSmtp.SendAsync(mail.Smtp, InboundMailApp.OperatorContact, unknown, "Subject: x\r\n\r\nbody\r\n"u8.ToArray());
        Assert.Equal([220, 250, 250, 550], codes);
        Assert.Equal(before, (await mail.InboundMessagesAsync()).Count);
    }

    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task The_listener_is_not_an_open_relay(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);

        foreach (var to in (string[])["someone@gmail.com", $"postmaster@{InboundMailApp.ReplyDomain}", "reply+abcdefghijklmnop@elsewhere.example"])
        {
            var result = await Swaks.RunAsync(mail.Smtp, "--from", "spammer@example.com", "--to", to, "--body", "Buy now");
            Assert.True(result.ExitCode == 24, $"{to}: exit {result.ExitCode}\n{result.Output}");
            Assert.Contains("<** 550", result.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task An_oversize_message_is_refused_whether_or_not_the_client_declares_its_size(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var (id, reply) = await mail.SentReportAsync("Oversize test");
        var before = (await mail.InboundMessagesAsync()).Count;

        using (var client = new SmtpClient())
        {
            await client.ConnectAsync("127.0.0.1", mail.Smtp.Port, SecureSocketOptions.None);
            Assert.Equal(256u * 1024, client.MaxSize);
            var message = OperatorReply.To(reply, InboundMailApp.OperatorContact, "Huge", id);
            var builder = new BodyBuilder { TextBody = "Huge" };
            builder.Attachments.Add("big.jpg", TestImages.Jpeg(400_000), new ContentType("image", "jpeg"));
            message.Body = builder.ToMessageBody();
            var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(message));
            Assert.Equal(552, (int)refused.StatusCode);
        }

        // Without SIZE the data itself is cut off: no 250, nothing stored.
        var data = Encoding.ASCII.GetBytes("Subject: big\r\n\r\n" + string.Concat(Enumerable.Repeat(new string('x', 998) + "\r\n", 400)));
        var codes = await RawSmtp.SendAsync(mail.Smtp, InboundMailApp.OperatorContact, reply, data);
        Assert.Equal([220, 250, 250, 250, 354], codes[..5]);
        Assert.NotEqual(250, codes[5]);
        Assert.Equal(before, (await mail.InboundMessagesAsync()).Count);
    }
}
