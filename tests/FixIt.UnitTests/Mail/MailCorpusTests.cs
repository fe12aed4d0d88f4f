using FixIt.Application.Features.Inbound.RecordInboundMail;
using FixIt.Infrastructure.Mail.Inbound;

namespace FixIt.UnitTests.Mail;

/// <summary>
/// Replies shaped like those of common mail clients, written by the team: each .eml has a .expected.txt
/// with the text that should be published. Lines starting with '#' there state the kind, the bounced
/// recipients or the number of photos kept.
/// </summary>
public sealed class MailCorpusTests
{
    private static readonly string CorpusFolder = Path.Combine(AppContext.BaseDirectory, "MailCorpus");

    public static TheoryData<string> Messages() => [.. Directory.GetFiles(CorpusFolder, "*.eml").Select(f => Path.GetFileNameWithoutExtension(f)!).Order()];

    [Fact]
    public void The_corpus_covers_the_common_clients()
    {
        Assert.True(Directory.GetFiles(CorpusFolder, "*.eml").Length >= 15);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Published_text_is_what_the_author_wrote(string name)
    {
        var raw = File.ReadAllBytes(Path.Combine(CorpusFolder, name + ".eml"));
        var expectedLines = File.ReadAllLines(Path.Combine(CorpusFolder, name + ".expected.txt"));
        var facts = expectedLines.Where(l => l.StartsWith('#')).Select(l => l[1..].Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        var expectedText = string.Join('\n', expectedLines.Where(l => !l.StartsWith('#'))).Trim();

        var parsed = InboundMailParser.Parse(raw, "someone@example.org", toBounceAddress: false, new InboundMailOptions());

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
