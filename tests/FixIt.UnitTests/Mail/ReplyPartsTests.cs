using FixIt.Application.Features.Inbound.RecordInboundMail;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Mail;
using FixIt.Infrastructure.Mail.Inbound;

namespace FixIt.UnitTests.Mail;

public sealed class ReplyPartsTests
{
    private static readonly InboundMailOptions Options = new() { ReplyDomain = "reply.fixit.example" };

    [Theory]
    [InlineData("Status: fixed\n\nDone.", ReportStatus.Fixed, "Done.")]
    [InlineData("  STATUS:  In Progress.\nCrew sent.", ReportStatus.InProgress, "Crew sent.")]
    [InlineData("*Status:* action-scheduled\nNext week", ReportStatus.ActionScheduled, "Next week")]
    [InlineData("status: unable to fix", ReportStatus.UnableToFix, "")]
    public void A_status_first_line_is_split_off(string text, ReportStatus status, string rest)
    {
        var (written, parsed, remainder) = StatusLine.Split(text);
        Assert.NotNull(written);
        Assert.Equal(status, parsed);
        Assert.Equal(rest, remainder);
    }

    [Theory]
    [InlineData("Status: not ours\nPrivate road")]
    [InlineData("Status: banana")]
    public void An_unknown_status_word_is_recognised_as_a_status_line_but_names_no_status(string text)
    {
        var (written, parsed, _) = StatusLine.Split(text);
        Assert.NotNull(written);
        Assert.Null(parsed);
    }

    [Fact]
    public void Status_later_in_the_text_is_not_a_status_line()
    {
        var (written, parsed, remainder) = StatusLine.Split("Thanks.\nStatus: fixed");
        Assert.Null(written);
        Assert.Null(parsed);
        Assert.Equal("Thanks.\nStatus: fixed", remainder);
    }

    [Theory]
    [InlineData("reply+abcdefgh2345@reply.fixit.example", "abcdefgh2345", false)]
    [InlineData("Reply+ABCDEFGH2345@REPLY.FIXIT.EXAMPLE", "abcdefgh2345", false)]
    [InlineData("bounce+abcdefgh2345@reply.fixit.example", "abcdefgh2345", true)]
    public void Reply_and_bounce_addresses_give_their_key(string address, string key, bool bounce)
    {
        Assert.True(ReplyAddress.TryParse(address, Options, out var parsed, out var isBounce));
        Assert.Equal(key, parsed);
        Assert.Equal(bounce, isBounce);
    }

    [Theory]
    [InlineData("reply+abcdefgh2345@elsewhere.example")]
    [InlineData("postmaster@reply.fixit.example")]
    [InlineData("reply+short@reply.fixit.example")]
    [InlineData("reply+abcdefgh0189@reply.fixit.example")]
    [InlineData("other+abcdefgh2345@reply.fixit.example")]
    [InlineData("reply+abcdefgh2345@reply.fixit.example.evil.org")]
    public void Other_addresses_have_no_key(string address)
    {
        Assert.False(ReplyAddress.TryParse(address, Options, out _, out _));
    }

    [Theory]
    [InlineData("Call 020 7946 0018 today", "Call [phone number removed] today")]
    [InlineData("Ring +1 (415) 555-0132.", "Ring [phone number removed].")]
    [InlineData("Mail a.b-c@sub.council.example.org now", "Mail [email address removed] now")]
    [InlineData("Job 2025/0381, column 17, 3 March 2025, £1,250.00", "Job 2025/0381, column 17, 3 March 2025, £1,250.00")]
    public void Contact_details_are_masked_and_other_numbers_kept(string text, string expected)
    {
        Assert.Equal(expected, ContactDetailsMasker.Mask(text, "GB"));
    }

    [Fact]
    public void Interleaved_quotes_keep_every_answer()
    {
        var text = "On Mon, 3 Mar 2025, FixIt wrote:\n> Question one?\nAnswer one.\n> Question two?\n\nAnswer two.\n";
        Assert.Equal("Answer one.\n\nAnswer two.", QuoteStripper.Strip(text));
    }

    [Fact]
    public void An_unquoted_old_message_after_an_attribution_is_cut()
    {
        var text = "New text.\n\nOn 3 March 2025 FixIt wrote:\nOld text, pasted without quote marks.";
        Assert.Equal("New text.", QuoteStripper.Strip(text));
    }

    [Theory]
    [InlineData("Von: FixIt <reply+key@reply.fixit.example>\nGesendet: Montag, 3. März 2025 09:02\nAn: Strassen\nBetreff: Report #12")]
    [InlineData("Fra: FixIt <reply+key@reply.fixit.example>\nSendt: 3. marts 2025 09:02\nTil: Vejafdelingen\nEmne: Report #12")]
    [InlineData("De : FixIt <reply+key@reply.fixit.example>\nEnvoyé : lundi 3 mars 2025 09:02\nÀ : Voirie\nObjet : Report #12")]
    [InlineData("De: FixIt <reply+key@reply.fixit.example>\nEnviado: lunes, 3 de marzo de 2025 9:02\nPara: Vías\nAsunto: Report #12")]
    public void An_outlook_header_block_in_another_language_ends_the_reply(string header)
    {
        var text = $"Wir haben es repariert.\n\n{header}\n\nA resident has reported a problem.";
        Assert.Equal("Wir haben es repariert.", QuoteStripper.Strip(text));
    }

    [Fact]
    public void A_line_starting_with_from_is_not_an_outlook_header_on_its_own()
    {
        var text = "From: the depot we sent a crew.\nThey fixed it.";
        Assert.Equal(text, QuoteStripper.Strip(text));
    }

    [Fact]
    public void Html_is_read_with_a_parser_not_patterns()
    {
        var html = "<p>Fixed &amp; tested <b>today</b></p><!-- <p>hidden comment</p> --><p title=\"a > b\">Second</p><script>var x = '<p>no</p>';</script>";
        Assert.Equal("Fixed & tested today\n\nSecond", InboundMailParser.PublishableText(HtmlToText.Convert(html), "GB"));
    }
}
