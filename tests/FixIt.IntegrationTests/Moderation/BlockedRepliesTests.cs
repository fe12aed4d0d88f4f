using System.Net;
using FixIt.Domain.Inbound;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.InboundMail;

namespace FixIt.IntegrationTests.Moderation;

/// <summary>
/// An emailed reply from a blocked sender is dropped (the SMTP answer is the one anyone gets), whether the address or its
/// domain is blocked; once unblocked, their replies are published again.
/// </summary>
public sealed class BlockedRepliesTests
{
    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task A_blocked_reporters_reply_is_dropped_and_published_again_once_unblocked(DatabaseProvider provider)
    {
        await using var mail = await InboundMailApp.StartAsync(provider);
        var (id, _) = await mail.SentReportAsync($"Lamp by the library {Guid.NewGuid():N}");
        var notice = await mail.SentNoticeAsync(id);
        using var admin = await Moderator.CreateAsync(mail.App);

        foreach (var value in new[] { InboundMailApp.ReporterEmail.ToUpperInvariant(), "example.net" })
        {
            await admin.BlockedAsync(value);
            var words = $"Still dark at night {Guid.NewGuid():N}";
            await ReplyRoundTripTests.SendAsync(mail, ReplyRoundTripTests.ReplyTo(notice, InboundMailApp.ReporterEmail, words));

            var dropped = await ProcessedAsync(mail, words);
            Assert.Equal(InboundMessageStatus.Ignored, dropped.Status);
            Assert.Equal("From a sender on the block list: dropped.", dropped.Outcome);
            Assert.DoesNotContain(words, await mail.App.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await admin.UnblockAsync(value)).Status);
        }

        var allowed = $"Thank you, bright again {Guid.NewGuid():N}";
        await ReplyRoundTripTests.SendAsync(mail, ReplyRoundTripTests.ReplyTo(notice, InboundMailApp.ReporterEmail, allowed));
        Assert.Contains(allowed, await mail.PageShowingAsync(id, allowed), StringComparison.Ordinal);
    }

    private static async Task<InboundMessage> ProcessedAsync(InboundMailApp mail, string words)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var message = (await mail.InboundMessagesAsync()).LastOrDefault(m => System.Text.Encoding.UTF8.GetString(m.Raw).Contains(words, StringComparison.Ordinal));
            if (message is { Status: not InboundMessageStatus.Received })
            {
                return message;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The reply with \"{words}\" was not processed in 30 s.");
            await Task.Delay(100);
        }
    }
}
