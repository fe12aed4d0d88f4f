using System.Text;
using FixIt.Domain.Inbound;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using MimeKit;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>A reply whose From is not exactly one mailbox in one header is nobody's: held for an admin, whoever is listed first.</summary>
[Collection(InboundMailCollection.Name)]
public sealed class SeveralFromTests(InboundMailFixture apps)
{
    private const string Op = InboundMailApp.OperatorContact;

    public static TheoryData<DatabaseProvider, string> Cases()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in InboundMailFixture.Providers)
        {
            data.Add(provider, $"From: {Op}, mallory@evil.example");
            data.Add(provider, $"From: {Op}\r\nFrom: mallory@evil.example");
            data.Add(provider, $"From: mallory@evil.example\r\nFrom: {Op}");
            data.Add(provider, $"From: grp: {Op};, mallory@evil.example");
            data.Add(provider, $"From: grp: {Op}, mallory@evil.example;");
            data.Add(provider, "From: undisclosed-recipients:;");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_status_reply_from_several_senders_under_the_operator_key_is_held_not_published(DatabaseProvider provider, string fromLines)
    {
        var mail = await apps.GetAsync(provider);
        var (id, reply) = await mail.SentReportAsync($"Several From {Guid.NewGuid():N}");
        var marker = $"Several senders {Guid.NewGuid():N}";
        var message = OperatorReply.To(reply, Op, $"Status: fixed\n{marker}", id);
        using var stream = new MemoryStream();
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        message.WriteTo(format, stream);
        var text = Encoding.ASCII.GetString(stream.ToArray());
        var fromLine = $"From: {Op}\r\n";
        Assert.Contains(fromLine, text, StringComparison.Ordinal);
        var raw = Encoding.ASCII.GetBytes(text.Replace(fromLine, fromLines + "\r\n", StringComparison.Ordinal) + "\r\n");

        using var client = await LoopbackSmtp.ConnectAsync("127.0.0.1", mail.Smtp);
        await client.ReadReplyAsync();
        Assert.StartsWith("250", await client.SendAsync(Op, reply, raw), StringComparison.Ordinal);

        var stored = await ProcessedAsync(mail, reply);
        Assert.Equal(InboundMessageStatus.Held, stored.Status);
        Assert.Contains("one sender is required", stored.Outcome, StringComparison.Ordinal);
        Assert.DoesNotContain(marker, await mail.App.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);
        Assert.Equal("open", (await mail.App.Client.GetJsonAsync($"api/reports/{id}")).GetProperty("status").GetString());
    }

    private static async Task<InboundMessage> ProcessedAsync(InboundMailApp mail, string recipient)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var stored = (await mail.InboundMessagesAsync()).LastOrDefault(m => m.Recipient == recipient);
            if (stored is not null && stored.Status != InboundMessageStatus.Received)
            {
                return stored;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No processed message for {recipient}.");
    }
}
