using FixIt.Application.Features.Inbound.RecordInboundMail;
using FixIt.Domain.Inbound;
using FixIt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>
/// The unit tests' reply corpus, every case once end to end: delivered over SMTP into the listener as an answer to a
/// report whose operator email FixIt really sent (the corpus quotes report #1, so this app's first report is that
/// one), and read back as the update on the report. The sender and recipient are set to the report's operator
/// contact (or reporter) and reply address, as a real reply would carry them; the body is sent as written.
/// </summary>
public sealed class ReplyCorpusTests
{
    private static readonly string CorpusFolder = Path.Combine(AppContext.BaseDirectory, "MailCorpus");

    [Fact]
    public async Task Every_corpus_reply_sent_through_the_listener_publishes_its_expected_text()
    {
        await using var mail = await InboundMailApp.StartAsync(DatabaseProvider.Sqlite);
        var report = await mail.SentReportAsync("Street light out on Park Row");
        Assert.True(report.Id == 1, $"The corpus quotes report #1; this app's first report is #{report.Id}.");
        var reporterAddress = (await mail.SentNoticeAsync(report.Id)).Message.ReplyTo.Mailboxes.Single().Address;

        var failures = new List<string>();
        var cases = Directory.GetFiles(CorpusFolder, "*.eml").Order(StringComparer.Ordinal).ToList();
        Assert.True(cases.Count >= 80, $"{cases.Count} cases");
        foreach (var file in cases)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var (facts, expected) = Expected(Path.ChangeExtension(file, ".expected.txt"));
            var fromReporter = facts.TryGetValue("from", out var from) && from == "reporter";
            var sender = fromReporter ? InboundMailApp.ReporterEmail : InboundMailApp.OperatorContact;
            var recipient = fromReporter ? reporterAddress : report.ReplyAddress;

            var message = await MimeMessage.LoadAsync(file);
            var display = message.From.Mailboxes.FirstOrDefault()?.Name ?? "";
            message.From.Clear();
            message.From.Add(new MailboxAddress(display, sender));
            message.To.Clear();
            message.To.Add(new MailboxAddress("FixIt", recipient));
            message.MessageId = $"corpus-{name}@council.example.org";
            using var stream = new MemoryStream();
            await message.WriteToAsync(stream);

            var before = await mail.App.WithDbAsync(db => db.InboundMessages.MaxAsync(m => (long?)m.Id));
            var codes = await RawSmtp.SendAsync(mail.Smtp, sender, recipient, stream.ToArray());
            if (codes[^1] != 250)
            {
                failures.Add($"{name}: SMTP answered {string.Join(",", codes)}");
                continue;
            }

            var (status, published) = await OutcomeAsync(mail, report.Id, before ?? 0);
            var kind = facts.TryGetValue("kind", out var k) ? Enum.Parse<InboundMailKind>(k) : InboundMailKind.Reply;
            var want = kind switch
            {
                InboundMailKind.Reply => InboundMessageStatus.Published,
                InboundMailKind.AutoReply => InboundMessageStatus.AutoReply,
                _ => InboundMessageStatus.Ignored,
            };
            if (status != want)
            {
                failures.Add($"{name}: {status}, expected {want}");
            }
            else if (kind == InboundMailKind.Reply && published != expected)
            {
                failures.Add($"{name}: published\n{published}\n--- expected\n{expected}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases:\n\n" + string.Join("\n\n", failures));
    }

    /// <summary>The facts and the text a reader sees: a leading status line is applied, not shown.</summary>
    private static (Dictionary<string, string> Facts, string Text) Expected(string path)
    {
        var lines = File.ReadAllLines(path);
        var facts = lines.Where(l => l.StartsWith('#')).Select(l => l[1..].Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        var text = string.Join('\n', lines.Where(l => !l.StartsWith('#'))).Trim();
        var (written, _, rest) = StatusLine.Split(text);
        return (facts, written is null ? text : rest);
    }

    private static async Task<(InboundMessageStatus Status, string? Text)> OutcomeAsync(InboundMailApp mail, int reportId, long before)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var outcome = await mail.App.WithDbAsync(async db =>
            {
                var message = await db.InboundMessages.AsNoTracking().Where(m => m.Id > before).OrderBy(m => m.Id).FirstOrDefaultAsync();
                if (message is null || message.Status == InboundMessageStatus.Received)
                {
                    return ((InboundMessageStatus, string?)?)null;
                }

                var report = await db.Reports.AsNoTracking().Include(r => r.Events).SingleAsync(r => r.Id == reportId);
                var last = report.Events.Where(e => e.IsPublic).OrderBy(e => e.Id).Last();
                return (message.Status, last.PublicText);
            });
            if (outcome is { } done)
            {
                return done;
            }

            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the reply to be processed.");
            await Task.Delay(50);
        }
    }
}
