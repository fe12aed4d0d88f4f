using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Mail;

/// <summary>Several app hosts on one database, and a host that dies mid-send.</summary>
public sealed class OutboxConcurrencyTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Two_hosts_on_one_database_send_each_message_exactly_once(DatabaseProvider provider)
    {
        const int count = 600;
        await using var sink = await SmtpSink.StartAsync();
        await using var database = SharedDatabase.Create(provider);
        await using var one = await MailApps.StartAsync(provider, sink, s => Share(s, database, "one"));
        await using var two = await MailApps.StartAsync(provider, sink, s => Share(s, database, "two"));

        await one.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.OutboxMessages.AddRange(Enumerable.Range(0, count).Select(i => new OutboxMessage(MailKind.ReporterUpdate, null, null,
                $"bulk{i}@example.net", "Bulk", $"Message {i}", $"Body {i}", $"<p>Body {i}</p>", null, null, $"bulk.{i}@fixit.example.org", now)));
            return await db.SaveChangesAsync();
        });

        await SmtpSink.WaitUntilAsync(() => sink.Received.Count >= count, TimeSpan.FromSeconds(60), $"{count} messages");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await one.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status != OutboxStatus.Sent)) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "Not every message was recorded as sent.");
            await Task.Delay(100);
        }

        // Let any second claim of a message finish its send before counting.
        await Task.Delay(1000);
        var received = sink.Received;
        Assert.Equal(count, received.Count);
        Assert.Equal(count, received.Select(m => m.Message.MessageId).Distinct().Count());
        Assert.Contains(received, m => m.EnvelopeFrom == "fixit@one.example.org");
        Assert.Contains(received, m => m.EnvelopeFrom == "fixit@two.example.org");
        Assert.Equal(count, await one.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Attempts == 1 && m.SentAt != null)));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_host_stopped_mid_send_loses_nothing_and_the_next_host_sends_it_at_most_once_more(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var database = SharedDatabase.Create(provider);
        var hold = new TaskCompletionSource();
        sink.HoldReplyUntil = hold.Task;

        // A lease far longer than the test: the second host reaches its end by moving its clock, not by waiting.
        var first = await MailApps.StartAsync(provider, sink, s =>
        {
            Share(s, database, "one");
            s["Mail:Lease"] = "00:10:00";
        });
        await first.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(new OutboxMessage(MailKind.ReporterUpdate, null, null, "crash@example.net", "Crash", "Mid-send",
                "Body", "<p>Body</p>", null, null, "crash.1@fixit.example.org", DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });

        // The server has the message but has not answered: the host dies before it can record anything.
        await SmtpSink.WaitUntilAsync(() => sink.Received.Count == 1, TimeSpan.FromSeconds(20), "the message to reach the server");
        await first.DisposeAsync();
        hold.SetResult();
        sink.HoldReplyUntil = null;

        await using var second = await MailApps.StartAsync(provider, sink, s =>
        {
            Share(s, database, "two");
            s["Mail:Lease"] = "00:10:00";
        }, fakeClock: true);
        var orphan = await second.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        Assert.Equal(OutboxStatus.Pending, orphan.Status);
        Assert.NotNull(orphan.ClaimId);

        // Within the lease nobody touches it; once the dead host's lease runs out, the other host sends it again:
        // one duplicate, same Message-Id.
        second.Clock!.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(500);
        Assert.Single(sink.Received);
        second.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await SmtpSink.WaitUntilAsync(() => sink.Received.Count == 2, TimeSpan.FromSeconds(30), "the re-send after the lease");
        var row = await WaitForSentAsync(second);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.All(sink.Received, m => Assert.Equal("crash.1@fixit.example.org", m.Message.MessageId));
        await Task.Delay(1000);
        Assert.Equal(2, sink.Received.Count);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_host_stopped_with_a_batch_claimed_ahead_hands_it_back_and_only_the_one_in_flight_waits_for_its_lease(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var database = SharedDatabase.Create(provider);
        var hold = new TaskCompletionSource();
        sink.HoldReplyUntil = hold.Task;

        var first = await MailApps.StartAsync(provider, sink, s =>
        {
            Share(s, database, "one");
            s["Mail:BatchSize"] = "5";
            s["Mail:PoolSize"] = "1";
        });
        await first.WithDbAsync(async db =>
        {
            // All due already (a second ago, a millisecond apart for their order): due times still in the future
            // let a quick first claim take only the few already due, and then nothing is claimed ahead.
            var now = DateTimeOffset.UtcNow.AddSeconds(-1);
            db.OutboxMessages.AddRange(Enumerable.Range(0, 12).Select(i => new OutboxMessage(MailKind.ReporterUpdate, null, null,
                $"ahead{i}@example.net", "Ahead", $"Message {i}", $"Body {i}", $"<p>Body {i}</p>", null, null, $"ahead.{i}@fixit.example.org", now.AddMilliseconds(i))));
            return await db.SaveChangesAsync();
        });

        // The first message of the first batch is on the wire, unanswered; the worker has claimed the next batch meanwhile.
        await SmtpSink.WaitUntilAsync(() => sink.Received.Count == 1, TimeSpan.FromSeconds(20), "the first message to reach the server");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await first.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ClaimId != null)) < 10)
        {
            Assert.True(DateTime.UtcNow < deadline, "The worker did not claim the next batch while sending.");
            await Task.Delay(50);
        }

        await first.DisposeAsync();
        hold.SetResult();
        sink.HoldReplyUntil = null;

        // Only the message in flight keeps its claim (it may have arrived); the rest of its batch and the batch
        // claimed ahead are free at once.
        await using var second = await MailApps.StartAsync(provider, sink, s =>
        {
            Share(s, database, "two");
            s["Mail:DispatcherEnabled"] = "false";
        });
        var rows = await second.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Pending, r.Status));
        var stillClaimed = Assert.Single(rows, r => r.ClaimId != null);
        Assert.Equal("ahead.0@fixit.example.org", stillClaimed.MessageId);
        Assert.All(rows.Where(r => r.ClaimId == null), r => Assert.Equal(0, r.Attempts));
    }

    private static async Task<OutboxMessage> WaitForSentAsync(FixItApp app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var row = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
            if (row.Status == OutboxStatus.Sent || DateTime.UtcNow > deadline)
            {
                return row;
            }

            await Task.Delay(100);
        }
    }

    private static void Share(Dictionary<string, string?> settings, SharedDatabase database, string host)
    {
        settings["Database:ConnectionString"] = database.ConnectionString;
        settings["Mail:FromAddress"] = $"fixit@{host}.example.org";
        settings["Mail:BatchSize"] = "10";
    }
}
