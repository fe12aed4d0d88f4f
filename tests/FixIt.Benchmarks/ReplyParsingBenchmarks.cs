using System.Text;
using BenchmarkDotNet.Attributes;
using FixIt.Infrastructure.Mail.Inbound;

namespace FixIt.Benchmarks;

/// <summary>
/// Reply extraction, the whole pipeline of <see cref="InboundMailParser.Parse"/> (MIME, body choice, HTML quote
/// removal, the text rules with FixIt's sent text, masking): every message of the unit tests' reply corpus per
/// invocation, and one hostile message (1 MB of colons, dashes, brackets and dates in long lines).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class ReplyParsingBenchmarks
{
    private readonly InboundMailOptions _options = new();
    private List<byte[]> _corpus = [];
    private byte[] _hostile = [];
    private SentMailText _sent = SentMailText.None;

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "FixIt.UnitTests", "MailCorpus");
        _corpus = [.. Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];
        _sent = SentMailText.FromBodies([(File.ReadAllText(Path.Combine(folder, "sent", "operator-email.txt")),
            File.ReadAllText(Path.Combine(folder, "sent", "operator-email.html")))]);
        var line = string.Concat(Enumerable.Repeat("-- On 3. <a@b> wrote: From: x Sent: 3 ", 600));
        var body = new StringBuilder("Fixed.\r\n");
        while (body.Length < 1_000_000)
        {
            body.Append(line).Append("\r\n> ").Append(line).Append("\r\n");
        }

        _hostile = Encoding.UTF8.GetBytes("From: roads@council.example.org\r\nTo: reply+abc@reply.fixit.test\r\nSubject: Re: x\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body);
    }

    /// <summary>All corpus messages; divide by <see cref="CorpusMessages"/> for the time per reply.</summary>
    [Benchmark]
    public int Corpus()
    {
        var length = 0;
        foreach (var raw in _corpus)
        {
            length += InboundMailParser.Parse(raw, null, false, _options, _sent).Mail.Text.Length;
        }

        return length;
    }

    [Benchmark]
    public int HostileMegabyte() => InboundMailParser.Parse(_hostile, null, false, _options, _sent).Mail.Text.Length;

    public int CorpusMessages => _corpus.Count;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FixIt.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository: the reply corpus is read from tests/FixIt.UnitTests/MailCorpus.");
    }
}
