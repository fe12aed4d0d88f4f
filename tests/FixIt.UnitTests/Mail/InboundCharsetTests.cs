using System.Text;
using FixIt.Application.Features.Inbound.RecordInboundMail;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Mail.Inbound;

namespace FixIt.UnitTests.Mail;

/// <summary>Raw MIME replies in the world's charsets, 8bit and quoted-printable, come out as the text that was written.</summary>
public sealed class InboundCharsetTests
{
    private static readonly InboundMailOptions Options = new() { ReplyDomain = "reply.fixit.example" };

    static InboundCharsetTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string, string> Sentences => new()
    {
        { "windows-1250", "Díra v silnici je opravená, děkujeme za trpělivost." },
        { "windows-1251", "Яма на дороге заделана, спасибо за терпение." },
        { "windows-1252", "L'éclairage de la rue est réparé — merci ; coût 40 €." },
        { "windows-1253", "Η λακκούβα στον δρόμο επισκευάστηκε, ευχαριστούμε." },
        { "windows-1254", "Yoldaki çukur onarıldı, sabrınız için teşekkürler." },
        { "windows-1255", "הבור בכביש תוקן, תודה על הסבלנות." },
        { "windows-1256", "تم إصلاح الحفرة في الطريق، شكرا لصبركم." },
        { "windows-1257", "Duobė užtaisyta, ačiū už kantrybę." },
        { "windows-1258", "Cám ơn ông bà, đi hơn." },
        { "iso-8859-1", "Die Straßenlampe ist repariert, schönen Gruß." },
        { "iso-8859-2", "Dziura w jezdni została załatana, dziękujemy." },
        { "iso-8859-3", "Il-ħofra fit-triq ġiet imlaqqgħa, grazzi." },
        { "iso-8859-4", "Bedre veier i Latgale: ceļš ir salabots." },
        { "iso-8859-5", "Яма на дорозі засипана, дякуємо." },
        { "iso-8859-6", "تم إصلاح الحفرة، شكرا." },
        { "iso-8859-7", "Η λακκούβα επισκευάστηκε, ευχαριστούμε." },
        { "iso-8859-8", "הבור תוקן, תודה רבה." },
        { "iso-8859-9", "Çukur onarıldı, teşekkür ederiz." },
        { "iso-8859-13", "Bedre: bedrė užtaisyta, paldies par pacietību." },
        { "iso-8859-15", "La lampe est réparée, coût 40 € ; œuvre faite." },
        { "koi8-r", "Яма на дороге заделана, спасибо." },
        { "koi8-u", "Яму на дорозі засипано, ґанок відремонтовано, дякуємо." },
        { "gb2312", "路上的坑已经修好了，谢谢您的耐心。" },
        { "gbk", "路上的坑已經修好了，謝謝。" },
        { "gb18030", "路上的坑已经修好了，谢谢您的耐心。" },
        { "big5", "路上的坑洞已經修好了，謝謝您的耐心。" },
        { "shift_jis", "道路の穴は修理されました。ご協力ありがとうございます。" },
        { "euc-jp", "道路の穴は修理されました。ありがとうございます。" },
        { "iso-2022-jp", "道路の穴は修理されました。ありがとうございます。" },
        { "euc-kr", "도로의 구멍을 수리했습니다. 감사합니다." },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void A_sentence_in_its_charset_comes_out_as_written_in_8bit(string charset, string sentence)
    {
        var body = Encoding.GetEncoding(charset).GetBytes(sentence + "\r\n");
        Assert.Equal(sentence, ParseText(Message($"text/plain; charset={charset}", "8bit", body)));
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void A_sentence_in_its_charset_comes_out_as_written_in_quoted_printable(string charset, string sentence)
    {
        var body = Encoding.GetEncoding(charset).GetBytes(sentence);
        var qp = new StringBuilder();
        var line = 0;
        foreach (var b in body)
        {
            var token = b is >= 0x21 and <= 0x7E and not (byte)'=' ? ((char)b).ToString() : $"={b:X2}";
            if (line + token.Length > 60)
            {
                qp.Append("=\r\n");
                line = 0;
            }

            qp.Append(token);
            line += token.Length;
        }

        var wrapped = qp.ToString();
        Assert.Equal(sentence, ParseText(Message($"text/plain; charset=\"{charset.ToUpperInvariant()}\"", "quoted-printable", Encoding.ASCII.GetBytes(wrapped + "\r\n"))));
    }

    [Theory]
    [InlineData("iso-8859-1")]
    [InlineData("us-ascii")]
    [InlineData("latin1")]
    [InlineData(null)]
    public void Outlook_quotes_dashes_and_euro_under_a_latin1_label_are_read_as_windows_1252(string? charset)
    {
        byte[] body = [.. "Fixed "u8, 0x93, .. "today"u8, 0x94, (byte)' ', 0x96, .. " cost 40 "u8, 0x80, (byte)'\r', (byte)'\n'];
        var type = charset is null ? "text/plain" : $"text/plain; charset={charset}";
        Assert.Equal("Fixed “today” – cost 40 €", ParseText(Message(type, "8bit", body)));
    }

    [Theory]
    [InlineData("us-ascii")]
    [InlineData("iso-8859-1")]
    [InlineData("windows-1252")]
    public void Utf8_bytes_under_a_wrong_label_are_read_as_utf8(string charset)
    {
        const string sentence = "Duobė užtaisyta — „ačiū“, 40 €.";
        Assert.Equal(sentence, ParseText(Message($"text/plain; charset={charset}", "8bit", Encoding.UTF8.GetBytes(sentence + "\r\n"))));
    }

    [Fact]
    public void An_html_only_reply_is_decoded_by_its_label()
    {
        var body = Encoding.GetEncoding("koi8-r").GetBytes("<html><body><p>Яма заделана.</p></body></html>\r\n");
        Assert.Equal("Яма заделана.", ParseText(Message("text/html; charset=koi8-r", "8bit", body)));
    }

    [Theory]
    [InlineData("utf-8", "8bit")]
    [InlineData("UTF8", "8bit")]
    [InlineData("utf-8", "quoted-printable")]
    public void Windows_1252_bytes_under_a_utf8_label_are_read_as_windows_1252(string charset, string transferEncoding)
    {
        const string sentence = "Café repaired, naïve señor, 5€ “done”";
        var bytes = Encoding.GetEncoding(1252).GetBytes(sentence + "\r\n");
        var body = transferEncoding == "8bit" ? bytes : Encoding.ASCII.GetBytes(string.Concat(bytes.Select(b => b is >= 0x21 and <= 0x7E and not (byte)'=' or (byte)' ' ? ((char)b).ToString() : $"={b:X2}")));
        Assert.Equal(sentence, ParseText(Message($"text/plain; charset={charset}", transferEncoding, body)));
    }

    [Fact]
    public void An_html_part_in_windows_1252_under_a_utf8_label_is_read_as_windows_1252()
    {
        var body = Encoding.GetEncoding(1252).GetBytes("<p>Café naïve 5€</p>");
        Assert.Equal("Café naïve 5€", ParseText(Message("text/html; charset=utf-8", "8bit", body)));
    }

    [Fact]
    public void Shift_jis_bytes_under_a_utf8_label_are_read_as_shift_jis()
    {
        const string sentence = "修理しました。";
        var body = Encoding.GetEncoding("shift_jis").GetBytes(sentence + "\r\n");
        Assert.Equal(sentence, ParseText(Message("text/plain; charset=utf-8", "8bit", body)));
    }

    [Theory]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">", "windows-1251", "Яма заделана, спасибо.")]
    [InlineData("<meta charset=\"shift_jis\">", "shift_jis", "修理しました。")]
    [InlineData("<META CHARSET=koi8-r/>", "koi8-r", "Яма заделана.")]
    public void An_html_part_without_a_charset_parameter_is_decoded_by_its_meta_charset(string meta, string charset, string sentence)
    {
        byte[] body = [.. Encoding.ASCII.GetBytes($"<html><head>{meta}</head><body><p>"), .. Encoding.GetEncoding(charset).GetBytes(sentence), .. "</p></body></html>"u8];
        Assert.Equal(sentence, ParseText(Message("text/html", "8bit", body)));
    }

    [Fact]
    public void The_mime_charset_wins_over_a_meta_charset_and_a_meta_past_1024_bytes_or_in_a_comment_is_not_read()
    {
        var sentence = "Яма заделана.";
        byte[] labelled = [.. "<html><head><meta charset=\"shift_jis\"></head><body><p>"u8, .. Encoding.GetEncoding(1251).GetBytes(sentence), .. "</p></body></html>"u8];
        Assert.Equal(sentence, ParseText(Message("text/html; charset=windows-1251", "8bit", labelled)));

        Assert.Null(BodyCharset.MetaCharset([.. "<!-- <meta charset=koi8-r> -->"u8]));
        Assert.Null(BodyCharset.MetaCharset([.. Encoding.ASCII.GetBytes(new string(' ', BodyCharset.MetaPrescanBytes)), .. "<meta charset=koi8-r>"u8]));
        Assert.Equal("utf-8", BodyCharset.MetaCharset([.. "<meta charset='UTF-16LE'>"u8]));
    }

    [Theory]
    [InlineData("\v")]
    [InlineData("\f")]
    public void A_vertical_tab_or_form_feed_becomes_a_line_break(string separator)
    {
        var body = Encoding.ASCII.GetBytes($"Crew booked.{separator}Road closed on Monday.\r\n");
        Assert.Equal("Crew booked.\nRoad closed on Monday.", ParseText(Message("text/plain; charset=us-ascii", "7bit", body)));
    }

    [Theory]
    [InlineData("utf-8", "utf-8")]
    [InlineData("utf-16", "utf-16")]
    [InlineData("utf-16", "utf-16BE")]
    [InlineData("utf-8", "utf-16BE")]
    public void A_byte_order_mark_chooses_the_encoding_and_is_not_part_of_the_reply(string label, string encoding)
    {
        var written = Encoding.GetEncoding(encoding);
        var body = Convert.ToBase64String([.. written.GetPreamble(), .. written.GetBytes("Status: fixed\r\n\r\nPothole filled, naïve crew.\r\n")]);

        var text = ParseText(Message($"text/plain; charset={label}", "base64", Encoding.ASCII.GetBytes(body + "\r\n")));

        Assert.Equal("Status: fixed\n\nPothole filled, naïve crew.", text);
        Assert.Equal(ReportStatus.Fixed, StatusLine.Split(text).Status);
    }

    private static string ParseText(byte[] raw) => InboundMailParser.Parse(raw, null, toBounceAddress: false, Options).Mail.Text;

    private static byte[] Message(string contentType, string transferEncoding, byte[] body)
    {
        var head = "From: roads@council.example\r\nTo: reply+abcdefgh2345@reply.fixit.example\r\nSubject: Re: Report\r\n" +
            $"Message-ID: <charset@council.example>\r\nMIME-Version: 1.0\r\nContent-Type: {contentType}\r\n" +
            $"Content-Transfer-Encoding: {transferEncoding}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }
}
