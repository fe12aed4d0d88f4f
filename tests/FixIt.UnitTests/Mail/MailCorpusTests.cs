using FixIt.Application.Features.Inbound.RecordInboundMail;
using FixIt.Infrastructure.Mail.Inbound;

namespace FixIt.UnitTests.Mail;

/// <summary>
/// Replies shaped like those of common mail clients, written by the team: each .eml has a .expected.txt
/// with the text that should be published. Lines starting with '#' there state the kind, the bounced
/// recipients, the number of photos kept, or who wrote it ("#from: reporter"). The replies quote what FixIt
/// sent for report #1 (MailCorpus/sent), and are parsed knowing it, as the inbound processor does.
/// </summary>
public sealed class MailCorpusTests
{
    private static readonly string CorpusFolder = Path.Combine(AppContext.BaseDirectory, "MailCorpus");

    /// <summary>The operator email and the reporter's "sent to" notice of report #1, as FixIt's outbox holds them.</summary>
    internal static SentMailText Sent(string folder, bool reporter) => reporter
        ? SentMailText.FromBodies([(File.ReadAllText(Path.Combine(folder, "sent", "sent-notice.txt")), "")])
        : SentMailText.FromBodies([(File.ReadAllText(Path.Combine(folder, "sent", "operator-email.txt")),
            File.ReadAllText(Path.Combine(folder, "sent", "operator-email.html")))]);

    public static TheoryData<string> Messages() => [.. Directory.GetFiles(CorpusFolder, "*.eml").Select(f => Path.GetFileNameWithoutExtension(f)!).Order()];

    [Fact]
    public void The_corpus_covers_the_common_clients()
    {
        var names = Directory.GetFiles(CorpusFolder, "*.eml").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.True(names.Count >= 80, $"{names.Count} cases");
        string[] clients = ["gmail", "apple-mail", "iphone", "outlook-desktop", "outlook-web", "outlook-mobile", "thunderbird", "yahoo", "samsung", "k9", "fairemail", "proton"];
        Assert.All(clients, c => Assert.Contains(names, n => n!.StartsWith(c + "-", StringComparison.Ordinal)));
        string[] languages = ["en", "de", "fr", "es", "it", "nl", "da", "nb", "sv", "pl", "pt", "fi", "cs", "cy", "tr", "ru", "ja", "zh", "ko", "hu"];
        Assert.All(languages, l => Assert.Contains(names, n => n!.Contains($"-{l}-", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Published_text_is_what_the_author_wrote(string name)
    {
        var raw = File.ReadAllBytes(Path.Combine(CorpusFolder, name + ".eml"));
        var expectedLines = File.ReadAllLines(Path.Combine(CorpusFolder, name + ".expected.txt"));
        var facts = expectedLines.Where(l => l.StartsWith('#')).Select(l => l[1..].Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        var expectedText = string.Join('\n', expectedLines.Where(l => !l.StartsWith('#'))).Trim();

        var sent = Sent(CorpusFolder, facts.TryGetValue("from", out var from) && from == "reporter");
        var parsed = InboundMailParser.Parse(raw, "someone@example.org", toBounceAddress: false, new InboundMailOptions(), sent);

        var expectedKind = facts.TryGetValue("kind", out var kind) ? Enum.Parse<InboundMailKind>(kind) : InboundMailKind.Reply;
        Assert.Equal(expectedKind, parsed.Mail.Kind);
        Assert.Equal(expectedText, parsed.Mail.Text);
        if (facts.TryGetValue("recipients", out var recipients))
        {
            Assert.Equal(recipients.Split(',', StringSplitOptions.TrimEntries), parsed.Mail.BouncedRecipients);
        }

        if (facts.TryGetValue("photos", out var photos))
        {
            Assert.Equal(int.Parse(photos, System.Globalization.CultureInfo.InvariantCulture), parsed.Photos.Count);
        }
    }
}
