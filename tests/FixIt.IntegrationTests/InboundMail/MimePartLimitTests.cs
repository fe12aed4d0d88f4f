using FixIt.Domain.Inbound;
using FixIt.Infrastructure.Persistence;
using MimeKit;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>A message of thousands of tiny MIME parts is parked for an admin before it is parsed, never published.</summary>
[Collection(InboundMailCollection.Name)]
public sealed class MimePartLimitTests(InboundMailFixture apps)
{
    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task A_reply_of_2000_parts_is_parked_with_the_limit_named_and_nothing_published(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var (id, reply) = await mail.SentReportAsync("Many MIME parts");
        var message = OperatorReply.To(reply, InboundMailApp.OperatorContact, "", id);
        var body = new Multipart("mixed");
        for (var i = 0; i < 2000; i++)
        {
            body.Add(new TextPart("plain") { Text = $"Part {i} of the many-part reply." });
        }

        message.Body = body;
        using var stream = new MemoryStream();
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        message.WriteTo(format, stream);

        using var client = await LoopbackSmtp.ConnectAsync("127.0.0.1", mail.Smtp);
        await client.ReadReplyAsync();
        Assert.StartsWith("250", await client.SendAsync(InboundMailApp.OperatorContact, reply, [.. stream.ToArray(), (byte)'\r', (byte)'\n']),
            StringComparison.Ordinal);

        var stored = await ProcessedAsync(mail, reply);
        Assert.Equal(InboundMessageStatus.Failed, stored.Status);
        Assert.Contains("More than 100 MIME parts", stored.Outcome, StringComparison.Ordinal);
        Assert.Equal(1, stored.Attempts);
        Assert.DoesNotContain("many-part reply", await mail.App.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);
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
