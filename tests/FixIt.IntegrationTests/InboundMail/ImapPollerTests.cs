using FixIt.Domain.Inbound;
using FixIt.Infrastructure.Mail.Inbound.Imap;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using MailKit;
using MailKit.Search;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>The IMAP path against dovecot on loopback: processed once, marked, and nothing twice across a restart mid-batch.</summary>
public sealed class ImapPollerTests
{
    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task Replies_in_the_mailbox_are_processed_once_and_moved_to_the_processed_folder(DatabaseProvider provider)
    {
        await using var dovecot = await DovecotServer.StartAsync();
        var settings = dovecot.PollerSettings();
        settings["Mail:ReplyDomain"] = InboundMailApp.ReplyDomain;
        settings["InboundMail:Imap:ProcessedFolder"] = "Processed";
        PickupReports.AddPickupSettings(settings);
        await using var app = await FixItApp.StartAsync(provider, settings);
        var (id, reply) = await app.SentThroughPickupAsync("IMAP reply");

        using (var imap = await dovecot.ConnectAsync())
        {
            var inbox = imap.Inbox;
            await inbox.AppendAsync(Delivered(reply, OperatorReply.To(reply, InboundMailApp.OperatorContact, "Status: in progress\nCrew booked via IMAP.", id)));
            var auto = OperatorReply.To(reply, InboundMailApp.OperatorContact, "I am on leave.", id);
            auto.Headers.Add("Auto-Submitted", "auto-replied");
            await inbox.AppendAsync(Delivered(reply, auto));
            await inbox.AppendAsync(OperatorReply.To($"someone@{InboundMailApp.ReplyDomain}", "spam@example.com", "Buy now", id));
        }

        var page = await app.PageShowingAsync(id, "Crew booked via IMAP.", TimeSpan.FromSeconds(30));
        Assert.Contains("Crew booked via IMAP.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("I am on leave.", page, StringComparison.Ordinal);

        var stored = await WaitForAsync(app, 3, m => m.Status != InboundMessageStatus.Received);
        Assert.All(stored, m => Assert.Equal(InboundChannel.Imap, m.Channel));
        Assert.Equal([InboundMessageStatus.Published, InboundMessageStatus.AutoReply, InboundMessageStatus.Ignored], stored.Select(m => m.Status));
        var view = await app.Client.GetJsonAsync($"api/reports/{id}");
        Assert.Equal("inProgress", view.GetProperty("status").GetString());

        using var check = await dovecot.ConnectAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        IMailFolder processed;
        do
        {
            await check.Inbox.OpenAsync(FolderAccess.ReadOnly);
            processed = await check.GetFolderAsync("Processed");
            await processed.OpenAsync(FolderAccess.ReadOnly);
        }
        while ((check.Inbox.Count != 0 || processed.Count != 3) && DateTime.UtcNow < deadline && await Delay());

        Assert.Equal(0, check.Inbox.Count);
        Assert.Equal(3, processed.Count);
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_batch_processes_nothing_twice()
    {
        // Three batches' worth (InboundMail's batch is 50): stopped after the first few are recorded, the first instance
        // cannot have finished them all, however quick the machine (with 40, one batch, a quiet machine sometimes did).
        const int count = 150;
        await using var dovecot = await DovecotServer.StartAsync();
        var database = Path.Combine(Path.GetTempPath(), "fixit-imap-" + Guid.NewGuid().ToString("N")[..10] + ".db");
        var settings = dovecot.PollerSettings();
        settings["Mail:ReplyDomain"] = InboundMailApp.ReplyDomain;
        settings["Database:ConnectionString"] = $"Data Source={database}";
        try
        {
            settings["InboundMail:Imap:Enabled"] = "false";
            int id;
            string reply;
            await using (var setup = await FixItApp.StartAsync(DatabaseProvider.Sqlite, settings))
            {
                (id, reply) = await setup.MarkedSentReportAsync("Restart test");
            }

            using (var imap = await dovecot.ConnectAsync())
            {
                for (var i = 1; i <= count; i++)
                {
                    await imap.Inbox.AppendAsync(Delivered(reply, OperatorReply.To(reply, InboundMailApp.OperatorContact, $"Update number {i}.", id)));
                }
            }

            // First instance: stopped as soon as it has recorded a few, in the middle of its first batch.
            settings["InboundMail:Imap:Enabled"] = "true";
            int recordedBeforeRestart;
            await using (var first = await FixItApp.StartAsync(DatabaseProvider.Sqlite, settings))
            {
                await WaitForAsync(first, 3, m => m.Status == InboundMessageStatus.Published);
            }

            await using (var probe = await FixItApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>(settings) { ["InboundMail:Imap:Enabled"] = "false" }))
            {
                recordedBeforeRestart = await probe.WithDbAsync(db => db.InboundMessages.CountAsync(m => m.Status == InboundMessageStatus.Published));
            }

            Assert.InRange(recordedBeforeRestart, 1, count - 1);

            // The worst case of a crash: recorded in the database, never marked in the mailbox.
            using (var imap = await dovecot.ConnectAsync())
            {
                await imap.Inbox.OpenAsync(FolderAccess.ReadWrite);
                var all = await imap.Inbox.SearchAsync(SearchQuery.All);
                await imap.Inbox.StoreAsync(all, new StoreFlagsRequest(StoreAction.Remove, MessageFlags.Seen) { Keywords = { ImapMailboxPoller.ProcessedKeyword } });
            }

            await using var second = await FixItApp.StartAsync(DatabaseProvider.Sqlite, settings);
            var stored = await WaitForAsync(second, count, m => m.Status == InboundMessageStatus.Published, TimeSpan.FromSeconds(90));

            Assert.Equal(count, stored.Count);
            var updates = await second.WithDbAsync(db => db.ReportEvents.Where(e => e.ReportId == id && e.PublicText!.StartsWith("Update number"))
                .Select(e => e.PublicText!).ToListAsync());
            Assert.Equal(Enumerable.Range(1, count).Select(i => $"Update number {i}.").Order(), updates.Order());
            using var check = await dovecot.ConnectAsync();
            await check.Inbox.OpenAsync(FolderAccess.ReadOnly);
            Assert.Empty(await check.Inbox.SearchAsync(SearchQuery.NotKeyword(ImapMailboxPoller.ProcessedKeyword)));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(database) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task Two_instances_polling_one_mailbox_record_each_message_once()
    {
        const int count = 30;
        await using var dovecot = await DovecotServer.StartAsync();
        var database = "fixit_test_imap_" + Guid.NewGuid().ToString("N")[..10];
        var settings = dovecot.PollerSettings();
        settings["Mail:ReplyDomain"] = InboundMailApp.ReplyDomain;
        settings["Database:ConnectionString"] = new Npgsql.NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString) { Database = database }.ToString();
        try
        {
            await using var first = await FixItApp.StartAsync(DatabaseProvider.PostgreSql, settings);
            await using var second = await FixItApp.StartAsync(DatabaseProvider.PostgreSql, settings);
            var (id, reply) = await first.MarkedSentReportAsync("Two instances");

            using (var imap = await dovecot.ConnectAsync())
            {
                for (var i = 1; i <= count; i++)
                {
                    await imap.Inbox.AppendAsync(Delivered(reply, OperatorReply.To(reply, InboundMailApp.OperatorContact, $"Parallel update {i}.", id)));
                }
            }

            var stored = await WaitForAsync(second, count, m => m.Status == InboundMessageStatus.Published, TimeSpan.FromSeconds(90));
            Assert.Equal(count, stored.Count);
            var updates = await first.WithDbAsync(db => db.ReportEvents.Where(e => e.ReportId == id && e.PublicText!.StartsWith("Parallel update"))
                .Select(e => e.PublicText!).ToListAsync());
            Assert.Equal(Enumerable.Range(1, count).Select(i => $"Parallel update {i}.").Order(), updates.Order());
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    /// <summary>As the delivering server leaves it in the mailbox: with the envelope recipient in Delivered-To.</summary>
    private static MimeMessage Delivered(string replyAddress, MimeMessage message)
    {
        message.Headers.Insert(0, new Header("Delivered-To", replyAddress));
        return message;
    }

    private static async Task<List<InboundMessage>> WaitForAsync(FixItApp app, int count, Func<InboundMessage, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        List<InboundMessage> stored;
        do
        {
            stored = await app.WithDbAsync(db => db.InboundMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
        }
        while (stored.Count(done) < count && DateTime.UtcNow < deadline && await Delay(50));

        return stored;
    }

    private static async Task<bool> Delay(int milliseconds = 200)
    {
        await Task.Delay(milliseconds);
        return true;
    }
}
