using FixIt.Infrastructure.Mail.Inbound;

namespace FixIt.UnitTests.Mail;

/// <summary>The rules of reply extraction one at a time: each is about a shape, not about one client's wording.</summary>
public sealed class ReplyShapeTests
{
    private const string Quote = "> A resident has reported a problem for Demo City Council.\n>\n> The light outside number 12 has been out for a week.\n";

    private static readonly SentMailText Sent = SentMailText.From([
        "A resident has reported a problem for Demo City Council.\n\nReport #7: Street light out on Park Row\nCategory: Street lighting\n\n"
        + "The light outside number 12 has been out for a week.\n\nAnswer with one of these links (each opens a page where you confirm):\n"
        + "  Fixed: https://fixit.example.org/respond/abc/fixed\n\nOr reply to this email (reply+k@reply.fixit.test); your reply is published on the report page.\n",
    ]);

    [Theory]
    [InlineData("On Tue, 3 Mar 2026 at 10:15, FixIt <fixit@fixit.example.org> wrote:")]
    [InlineData("Am Di., 3. März 2026 um 10:15 Uhr schrieb FixIt <fixit@fixit.example.org>:")]
    [InlineData("Le mar. 3 mars 2026 à 10:15, FixIt <fixit@fixit.example.org> a écrit :")]
    [InlineData("El mar, 3 mar 2026 a las 10:15, FixIt (<fixit@fixit.example.org>) escribió:")]
    [InlineData("Il giorno mar 3 mar 2026 alle ore 10:15 FixIt <fixit@fixit.example.org> ha scritto:")]
    [InlineData("Op di 3 mrt 2026 om 10:15 schreef FixIt <fixit@fixit.example.org>:")]
    [InlineData("Op 3 mrt 2026, om 10:15 heeft FixIt <fixit@fixit.example.org> het volgende geschreven:")]
    [InlineData("Den tis 3 mars 2026 kl 10:15 skrev FixIt <fixit@fixit.example.org>:")]
    [InlineData("wt., 3 mar 2026 o 10:15 FixIt <fixit@fixit.example.org> napisał(a):")]
    [InlineData("Em ter., 3 de mar. de 2026 às 10:15, FixIt <fixit@fixit.example.org> escreveu:")]
    [InlineData("ti 3.3.2026 klo 10.15 FixIt (<fixit@fixit.example.org>) kirjoitti:")]
    [InlineData("út 3. 3. 2026 v 10:15 odesílatel FixIt <fixit@fixit.example.org> napsal:")]
    [InlineData("Ar Maw, 3 Maw 2026 am 10:15, FixIt <fixit@fixit.example.org> ysgrifennodd:")]
    [InlineData("FixIt <fixit@fixit.example.org>, 3 Mar 2026 Sal, 10:15 tarihinde şunu yazdı:")]
    [InlineData("вт, 3 мар. 2026 г. в 10:15, FixIt <fixit@fixit.example.org>:")]
    [InlineData("2026年3月3日(火) 10:15 FixIt <fixit@fixit.example.org>:")]
    [InlineData("FixIt <fixit@fixit.example.org> 于2026年3月3日周二 10:15写道：")]
    [InlineData("2026년 3월 3일 (화) 오전 10:15, FixIt <fixit@fixit.example.org>님이 작성:")]
    [InlineData("On 3 Mar 2026, at 10:15, FixIt <\nfixit@fixit.example.org> wrote:")]
    public void An_attribution_in_any_listed_language_goes_with_its_quote(string attribution)
    {
        Assert.Equal("Done today.", QuoteStripper.Strip($"Done today.\n\n{attribution}\n\n{Quote}"));
        Assert.Equal("Done today.", QuoteStripper.Strip($"{attribution}\n{Quote}\nDone today.\n"));
    }

    [Theory]
    [InlineData("Thanks, done. On Tue, 3 Mar 2026 at 10:15, FixIt <fixit@fixit.example.org> wrote:", "Thanks, done.")]
    [InlineData("Réparé. Le mar. 3 mars 2026 à 10:15, FixIt <fixit@fixit.example.org> a écrit :", "Réparé.")]
    [InlineData("Fixed. Tested at 14:00. Am 03.03.2026 um 10:15 schrieb FixIt <fixit@fixit.example.org>:", "Fixed. Tested at 14:00.")]
    [InlineData("Thanks, done. FixIt <fixit@fixit.example.org> 于2026年3月3日周二 10:15写道：", "Thanks, done.")]
    public void An_attribution_on_the_same_line_as_the_reply_is_cut_from_it(string line, string expected)
    {
        Assert.Equal(expected, QuoteStripper.Strip($"{line}\n\n{Quote}"));
    }

    [Theory]
    [InlineData("------On Tue, 3 Mar 2026 10:15 AM, FixIt wrote------")]
    [InlineData("-----Am 03.03.2026 um 10:15 schrieb FixIt-----")]
    [InlineData("2026/3/3 FixIt <fixit@fixit.example.org>")]
    public void A_dashed_or_verbless_attribution_ends_the_reply(string attribution)
    {
        Assert.Equal("Lamp changed.", QuoteStripper.Strip($"Lamp changed.\n\n{attribution}\n\nA resident has reported a problem.\nOld text."));
    }

    [Theory]
    [InlineData("Date: Tue, 3 Mar 2026 10:15\nFrom: FixIt <fixit@fixit.example.org>\nTo: Roads\nSubject: Report #7")]
    [InlineData("Sent: Tuesday, March 3, 2026 10:15 AM\nFrom: FixIt <fixit@fixit.example.org>\nTo: Roads\nSubject: Report #7")]
    [InlineData("*From:* FixIt <fixit@fixit.example.org>\n*Sent:* Tuesday, March 3, 2026 10:15 AM\n*To:* Roads\n*Subject:* Report #7")]
    [InlineData("Lähettäjä: FixIt <fixit@fixit.example.org>\nLähetetty: tiistai 3. maaliskuuta 2026 10.15\nVastaanottaja: Katuvalaistus\nAihe: Report #7")]
    [InlineData("От: FixIt <fixit@fixit.example.org>\nОтправлено: 3 марта 2026 г. 10:15\nКому: Освещение\nТема: Report #7")]
    [InlineData("差出人: FixIt <fixit@fixit.example.org>\n送信日時: 2026年3月3日 10:15\n宛先: 道路管理課\n件名: Report #7")]
    [InlineData("Kimden: FixIt <fixit@fixit.example.org>\nGönderildi: 3 Mart 2026 Salı 10:15\nKime: Aydınlatma\nKonu: Report #7")]
    [InlineData("Od: FixIt <fixit@fixit.example.org>\nOdesláno: úterý 3. března 2026 10:15\nKomu: TSK\nPředmět: Report #7")]
    [InlineData("From: FixIt\nhttps://fixit.example.org/reports/7")]
    public void A_header_block_is_known_by_its_shape(string header)
    {
        Assert.Equal("Job raised.", QuoteStripper.Strip($"Job raised.\n\n{header}\n\nA resident has reported a problem.\nOld text."));
    }

    [Fact]
    public void Two_label_lines_that_are_not_a_header_block_are_kept()
    {
        var text = "To: the depot, by van.\nSubject: to the weather, Friday.\nThanks.";
        Assert.Equal(text, QuoteStripper.Strip(text));
    }

    [Fact]
    public void The_unmarked_tail_of_a_wrapped_quoted_line_goes_with_the_quote()
    {
        var text = "On 03/03/2026 10:15, FixIt wrote:\n> Or reply to this email and your reply will be published on the report\npage.\n\nDone.";
        Assert.Equal("Done.", QuoteStripper.Strip(text));
    }

    [Fact]
    public void A_short_answer_between_quoted_lines_is_kept()
    {
        var text = "On 03/03/2026 10:15, FixIt wrote:\n> Is the light out?\nYes.\n> Which column?\nColumn 12.";
        Assert.Equal("Yes.\nColumn 12.", QuoteStripper.Strip(text));
    }

    [Fact]
    public void A_quote_of_what_FixIt_sent_takes_an_attribution_in_an_unknown_language_with_it()
    {
        var text = "Ni riparis ĝin.\n\nLa 3-an de marto 2026 je 10:15, FixIt skribis:\n\n"
            + "> A resident has reported a problem for Demo City Council.\n> Category: Street lighting\n";
        Assert.Equal("Ni riparis ĝin.", QuoteStripper.Strip(text, Sent));
        Assert.Contains("skribis", QuoteStripper.Strip(text), StringComparison.Ordinal);
    }

    [Fact]
    public void FixIts_own_lines_pasted_under_an_unknown_header_end_the_reply_with_the_header()
    {
        var text = "La kablo estas riparita.\n\nSendinto: FixIt <fixit@fixit.example.org>\nSendita: mardo, 3 marto 2026 10:15\nTemo: Report #7\n\n"
            + "A resident has reported a problem for Demo City Council.\n\nReport #7: Street light out on Park Row\nCategory: Street lighting\n";
        Assert.Equal("La kablo estas riparita.", QuoteStripper.Strip(text, Sent));
    }

    [Fact]
    public void A_reply_below_FixIts_mail_is_kept_and_the_mail_is_not()
    {
        var text = "From: FixIt <fixit@fixit.example.org>\nSent: Tuesday, 3 March 2026 10:15\nTo: Roads\nSubject: Report #7\n\n"
            + "A resident has reported a problem for Demo City Council.\n\nThe light outside number 12 has been out for a week.\n\n"
            + "Answer with one of these links (each opens a page where you confirm):\n  Fixed: https://fixit.example.org/respond/other-token/fixed\n\n"
            + "Or reply to this email (reply+k@reply.fixit.test); your reply is published on the report page.\n\nFixed.\nRoads team";
        Assert.Equal("Fixed.\nRoads team", QuoteStripper.Strip(text, Sent));
    }

    [Fact]
    public void A_short_answer_that_is_also_a_line_FixIt_sent_is_kept()
    {
        Assert.Equal("Fixed.\n\nIn progress", QuoteStripper.Strip("Fixed.\n\nIn progress", Sent));
    }

    [Fact]
    public void A_forwarded_message_is_kept_without_its_header_unless_it_is_FixIts_own()
    {
        var forward = "See below.\n\n---------- Forwarded message ---------\nFrom: Contractor <jobs@contractor.example.com>\nDate: Tue, 3 Mar 2026\n"
            + "Subject: Job 4471\nTo: <roads@council.example.org>\n\nLantern replaced.\n";
        Assert.Equal("See below.\n\n---------- Forwarded message ---------\nLantern replaced.", QuoteStripper.Strip(forward, Sent));

        var own = "See below.\n\n---------- Forwarded message ---------\nFrom: FixIt <fixit@fixit.example.org>\nSubject: Report #7\n\n"
            + "A resident has reported a problem for Demo City Council.\nCategory: Street lighting\n";
        Assert.Equal("See below.", QuoteStripper.Strip(own, Sent));
    }

    [Fact]
    public void Gmail_quote_containers_are_removed_before_conversion_and_inline_answers_stay()
    {
        var html = "<div dir=\"ltr\">Answer above.</div><div class=\"gmail_quote\"><div class=\"gmail_attr\">Op di 3 mrt 2026 schreef FixIt:</div>"
            + "<blockquote class=\"gmail_quote\" style=\"border-left:1px solid #ccc\"><p>Question one?</p></blockquote><div>Answer one.</div>"
            + "<blockquote class=\"gmail_quote\"><p>Question two?</p></blockquote></div>";
        Assert.Equal("Answer above.\nAnswer one.", QuoteStripper.Strip(HtmlToText.ConvertReply(html)));
    }

    [Theory]
    [InlineData("<blockquote type=\"cite\"><div>Lo que sea, en cualquier idioma</div><p>Old text</p></blockquote>")]
    [InlineData("<div class=\"moz-cite-prefix\">Dne 03. 03. 26 v 10:15 FixIt napsal(a):</div><blockquote type=\"cite\"><p>Old text</p></blockquote>")]
    [InlineData("<div class=\"yahoo_quoted\"><div>Op dinsdag schreef FixIt:</div><div>Old text</div></div>")]
    [InlineData("<div class=\"protonmail_quote\">------- Original Message -------<br><blockquote class=\"protonmail_quote\">Old text</blockquote></div>")]
    [InlineData("<div id=\"appendonsend\"></div><hr><div id=\"divRplyFwdMsg\"><b>Sendinto:</b> FixIt</div><div>Old text</div>")]
    [InlineData("<div style=\"border:none;border-top:solid #E1E1E1 1.0pt\"><p><b>Von:</b> FixIt<br><b>Gesendet:</b> Dienstag</p></div><p>Old text</p>")]
    public void Client_quote_containers_go_whatever_their_words(string quote)
    {
        Assert.Equal("Repaired.", QuoteStripper.Strip(HtmlToText.ConvertReply($"<p>Repaired.</p>{quote}")));
    }

    [Fact]
    public void A_blockquote_the_author_wrote_is_kept()
    {
        var html = "<p>Our contractor says:</p><blockquote style=\"margin-left:2em\">Lantern replaced.</blockquote>";
        Assert.Equal("Our contractor says:\n\nLantern replaced.", QuoteStripper.Strip(HtmlToText.ConvertReply(html)).Replace("\n\n\n", "\n\n", StringComparison.Ordinal));
    }

    [Fact]
    public void An_outlook_reply_written_under_the_header_block_in_html_is_not_lost()
    {
        var html = "<div id=\"appendonsend\"></div><div id=\"divRplyFwdMsg\"><b>From:</b> FixIt &lt;fixit@fixit.example.org&gt;<br><b>Sent:</b> Tuesday<br>"
            + "<b>To:</b> Roads<br><b>Subject:</b> Report #7</div><p>A resident has reported a problem for Demo City Council.</p>"
            + "<p>Or reply to this email; your reply is published on the report page.</p><p>Replaced this afternoon.</p>";
        Assert.Equal("Replaced this afternoon.", QuoteStripper.Strip(HtmlToText.ConvertReply(html), Sent));
    }

    [Fact]
    public void Long_hostile_lines_are_kept_as_text_not_taken_for_quote_shapes()
    {
        // Colons, dashes, angle brackets and dates in long runs: over the length limits, no shape rule looks at them.
        var line = string.Concat(Enumerable.Repeat("-- On 3. <a@b> wrote: ", 5000)).TrimEnd();
        var text = "Fixed.\n" + string.Join('\n', Enumerable.Repeat(line, 20)) + "\n" + new string(':', 200_000);
        var stripped = QuoteStripper.Strip(text, Sent);
        Assert.StartsWith("Fixed.\n-- On 3.", stripped, StringComparison.Ordinal);
        Assert.EndsWith(":::", stripped, StringComparison.Ordinal);
    }

    private static readonly SentMailText SentWithShortDescription = SentMailText.From([
        "A resident has reported a problem for Demo City Council.\n\nReport #1: Deep pothole\nCategory: Potholes\n\nOutside number 4\n\n"
        + "Answer with one of these links (each opens a page where you confirm):\n  Acknowledge: https://fixit.example.org/respond/abc/acknowledge\n"
        + "  Fixed: https://fixit.example.org/respond/abc/fixed\n",
    ]);

    [Fact]
    public void A_reply_that_starts_by_repeating_one_line_of_the_report_keeps_its_own_text()
    {
        var text = "Outside number 4\nis where we found it too.\n\n> A resident has reported a problem for Demo City Council.\n>\n> Report #1: Deep pothole\n>\n> Outside number 4\n";
        Assert.Equal("Outside number 4\nis where we found it too.", QuoteStripper.Strip(text, SentWithShortDescription));
    }

    [Fact]
    public void Two_unquoted_lines_fixit_sent_still_end_the_reply()
    {
        var text = "Filled.\n\nA resident has reported a problem for Demo City Council.\nReport #1: Deep pothole\nOutside number 4\n";
        Assert.Equal("Filled.", QuoteStripper.Strip(text, SentWithShortDescription));
    }

    [Fact]
    public void A_pipe_quote_of_fixits_mail_goes_with_its_undated_attribution()
    {
        var text = "Done.\n\nFixIt wrote:\n| A resident has reported a problem for Demo City Council.\n|\n| Report #1: Deep pothole\n| Outside number 4\n";
        Assert.Equal("Done.", QuoteStripper.Strip(text, SentWithShortDescription));
    }

    [Fact]
    public void Pipe_lines_that_are_not_fixits_mail_are_kept()
    {
        var text = "Costs:\n| road | 120 |\n| kerb | 40 |";
        Assert.Equal(text, QuoteStripper.Strip(text, SentWithShortDescription));
    }

    [Fact]
    public void Links_fixit_sent_that_lost_their_quote_marker_go_with_the_quote()
    {
        var text = "On Mon, 30 Nov 2026 at 01:18, FixIt <fixit@fixit.example.org> wrote:\n> Answer with one of these links (each opens a page where you confirm):\n"
            + ">   Acknowledge:\nhttps://fixit.example.org/respond/abc/acknowledge\n>   Fixed:\n<https://fixit.example.org/respond/abc/fixed>\n\nWe acknowledged it.\n";
        Assert.Equal("We acknowledged it.", QuoteStripper.Strip(text, SentWithShortDescription));
    }

    [Fact]
    public void A_link_the_author_pasted_is_kept()
    {
        var text = "On Mon, 30 Nov 2026 at 01:18, FixIt <fixit@fixit.example.org> wrote:\n> Fixed:\nhttps://example.org/photos/1\n\nSee the photo.\n";
        Assert.Equal("https://example.org/photos/1\n\nSee the photo.", QuoteStripper.Strip(text, SentWithShortDescription));
    }

    [Theory]
    [InlineData("Outlook für Android herunterladen<https://aka.ms/ghei36>")]
    [InlineData("Outlook für iOS<https://aka.ms/o0ukef> herunterladen")]
    [InlineData("Télécharger Outlook pour Android<https://aka.ms/ghei36>")]
    [InlineData("Outlook voor iOS downloaden")]
    [InlineData("Scarica Outlook per Android ‹https://aka.ms/ghei36›")]
    [InlineData("Pobierz aplikację Outlook dla systemu Android<https://aka.ms/ghei36>")]
    [InlineData("Hämta Outlook för iOS<https://aka.ms/o0ukef>")]
    [InlineData("Hent Outlook til Android")]
    [InlineData("Få Outlook for iOS")]
    [InlineData("Obter o Outlook para Android")]
    [InlineData("Obtener Outlook para iOS<https://aka.ms/o0ukef>")]
    [InlineData("iOS 版 Outlook を入手")]
    [InlineData("获取 Outlook for iOS")]
    [InlineData("Получить Outlook для Android")]
    [InlineData("iOS için Outlook'u edinin")]
    public void Outlooks_mobile_footer_in_any_language_ends_the_reply(string footer)
    {
        Assert.Equal("Pothole filled.", QuoteStripper.Strip($"Pothole filled.\n\n{footer}\n________________________________\n{Quote}"));
        Assert.Equal("Pothole filled.", QuoteStripper.Strip($"Pothole filled.\n\n{footer}\n"));
    }

    [Theory]
    [InlineData("I cannot get Outlook on Android")]
    [InlineData("Outlook for iOS shows the map wrong, so here is the link: <https://example.org/map>")]
    public void A_sentence_about_outlook_on_a_phone_is_part_of_the_reply(string sentence)
    {
        Assert.Equal($"Pothole filled.\n{sentence}\nCrew back Monday.", QuoteStripper.Strip($"Pothole filled.\n{sentence}\nCrew back Monday."));
    }
}
