using System.Net;
using System.Text;
using FixIt.Infrastructure.Persistence;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>A reply in a legacy code page, as an older Outlook sends it, reaches the public page as written.</summary>
[Collection(InboundMailCollection.Name)]
public sealed class CharsetReplyTests(InboundMailFixture apps)
{
    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task A_windows_1257_Lithuanian_reply_is_published_as_written(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var (id, reply) = await mail.SentReportAsync("Duobė Gedimino prospekte");

        var head = $"From: {InboundMailApp.OperatorContact}\r\nTo: {reply}\r\nSubject: Re: Report #{id}\r\n" +
            $"Message-ID: <lt-{id}@council.test>\r\nIn-Reply-To: <report-{id}@fixit.test>\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: text/plain; charset=\"windows-1257\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
        byte[] raw = [.. Encoding.ASCII.GetBytes(head), .. Windows1257("Duobė užtaisyta, ačiū už kantrybę.\r\n")];

        var codes = await RawSmtp.SendAsync(mail.Smtp, InboundMailApp.OperatorContact, reply, raw);

        Assert.Equal(250, codes[^1]);
        // The page writes non-ASCII letters as character references; "taisyta" is the ASCII tail of "užtaisyta".
        var page = WebUtility.HtmlDecode(await mail.PageShowingAsync(id, "taisyta"));
        Assert.Contains("Duobė užtaisyta, ačiū už kantrybę.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("uþtaisyta", page, StringComparison.Ordinal);
    }

    /// <summary>Written out by hand, so the test does not register code pages itself and hide a host that does not.</summary>
    private static byte[] Windows1257(string text) => [.. text.Select(c => c switch
    {
        'ė' => (byte)0xEB,
        'ž' => (byte)0xFE,
        'č' => (byte)0xE8,
        'ū' => (byte)0xFB,
        'ę' => (byte)0xE6,
        _ when c < 0x80 => (byte)c,
        _ => throw new ArgumentException($"No windows-1257 byte written here for {c}.", nameof(text)),
    })];
}
