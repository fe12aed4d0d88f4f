using System.Text;
using FixIt.Application.Features.Inbound.RecordInboundMail;
using FixIt.Infrastructure.Mail.Inbound;

namespace FixIt.UnitTests.Mail;

public sealed class DetectorTests
{
    private static readonly InboundMailOptions Options = new();

    private static ParsedInboundMail Parse(string headers, string body = "Hello.", string? envelopeFrom = "x@example.org", bool toBounceAddress = false) =>
        InboundMailParser.Parse(Encoding.UTF8.GetBytes($"From: someone@example.org\r\nTo: reply+abcdefgh@reply.localhost\r\n{headers}\r\n{body}\r\n"),
            envelopeFrom, toBounceAddress, Options);

    [Theory]
    [InlineData("Subject: Re: lamp\r\nAuto-Submitted: auto-generated\r\n")]
    [InlineData("Subject: Re: lamp\r\nX-Autorespond: yes\r\n")]
    [InlineData("Subject: Re: lamp\r\nPrecedence: junk\r\n")]
    [InlineData("Subject: Abwesenheitsnotiz: Report #42\r\n")]
    [InlineData("Subject: Réponse automatique : Report #42\r\n")]
    public void Automatic_replies_are_recognised(string headers)
    {
        Assert.Equal(InboundMailKind.AutoReply, Parse(headers).Mail.Kind);
    }

    [Theory]
    [InlineData("Subject: Re: Out of office hours work\r\nAuto-Submitted: no\r\n")]
    [InlineData("Subject: Re: lamp\r\nPrecedence: list\r\n")]
    public void Ordinary_replies_are_not_taken_for_automatic_ones(string headers)
    {
        Assert.Equal(InboundMailKind.Reply, Parse(headers).Mail.Kind);
    }

    [Fact]
    public void A_null_sender_returned_mail_notice_at_a_bounce_address_is_a_bounce_but_not_a_delivery_status_report()
    {
        var parsed = Parse("Subject: Returned mail\r\n", "Sorry.", envelopeFrom: "", toBounceAddress: true);
        Assert.Equal(InboundMailKind.Bounce, parsed.Mail.Kind);
        Assert.True(parsed.Mail.ToBounceAddress);
        Assert.False(parsed.Mail.IsDeliveryStatusReport);
        Assert.Empty(parsed.Mail.BouncedRecipients);
    }

    [Fact]
    public void Undelivered_text_from_a_person_at_a_bounce_address_is_not_a_bounce()
    {
        var parsed = Parse("Subject: Undelivered Mail Returned to Sender\r\n", "Your message could not be delivered.",
            envelopeFrom: "someone@example.org", toBounceAddress: true);
        Assert.Equal(InboundMailKind.Reply, parsed.Mail.Kind);
    }

    [Fact]
    public void A_delivery_status_report_names_its_failed_recipients()
    {
        const string body = "--b\r\nContent-Type: text/plain\r\n\r\nFailed.\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\n"
            + "Reporting-MTA: dns; mx.example.org\r\n\r\nFinal-Recipient: rfc822; gone@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n--b--";
        var parsed = Parse("Subject: Undelivered\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n", body);
        Assert.Equal(InboundMailKind.Bounce, parsed.Mail.Kind);
        Assert.True(parsed.Mail.IsDeliveryStatusReport);
        Assert.Equal(["gone@example.org"], parsed.Mail.BouncedRecipients);
    }

    [Fact]
    public void An_out_of_office_answering_the_VERP_envelope_sender_is_an_automatic_reply_not_a_bounce()
    {
        var parsed = Parse("Subject: Out of office: Report #42\r\nAuto-Submitted: auto-replied\r\n", "Back on Monday.", envelopeFrom: "", toBounceAddress: true);
        Assert.Equal(InboundMailKind.AutoReply, parsed.Mail.Kind);
    }

    [Fact]
    public void A_null_sender_undeliverable_notice_is_a_bounce()
    {
        Assert.Equal(InboundMailKind.Bounce, Parse("Subject: Undeliverable: Report #42\r\n", envelopeFrom: "").Mail.Kind);
        Assert.Equal(InboundMailKind.Reply, Parse("Subject: Undeliverable: Report #42\r\n", envelopeFrom: "someone@example.org").Mail.Kind);
    }

    [Fact]
    public void A_multipart_report_of_another_type_is_not_a_delivery_status_report()
    {
        const string body = "--b\r\nContent-Type: text/plain\r\n\r\nRead.\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\n"
            + "Reporting-MTA: dns; mx.example.org\r\n\r\nFinal-Recipient: rfc822; gone@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n--b--";
        var parsed = Parse("Subject: Read: lamp\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=disposition-notification; boundary=\"b\"\r\n", body);
        Assert.False(parsed.Mail.IsDeliveryStatusReport);
        Assert.NotEqual(InboundMailKind.Bounce, parsed.Mail.Kind);
    }

    [Fact]
    public void A_delay_notice_is_kept_private_not_counted_as_a_bounce()
    {
        const string body = "--b\r\nContent-Type: text/plain\r\n\r\nStill trying.\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\n"
            + "Reporting-MTA: dns; mx.example.org\r\n\r\nFinal-Recipient: rfc822; late@example.org\r\nAction: delayed\r\nStatus: 4.4.1\r\n\r\n--b--";
        var parsed = Parse("Subject: Delayed Mail\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n", body);
        Assert.Equal(InboundMailKind.AutoReply, parsed.Mail.Kind);
    }

    [Fact]
    public void A_reply_address_quoted_in_the_text_is_masked_so_its_key_never_becomes_public()
    {
        var parsed = Parse("Subject: Re: lamp\r\n", "Write to reply+abcdefghijkl@reply.localhost for updates.");
        Assert.Equal($"Write to {ContactDetailsMasker.EmailMask} for updates.", parsed.Mail.Text);
    }
}

public sealed class LongTextTests
{
    [Theory]
    [InlineData(' ')]
    [InlineData('x')]
    public void A_very_long_reply_is_cut_at_the_limit_with_every_address_still_masked(char separator)
    {
        var body = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"crew{i}@council.example.org{separator}"));

        var text = InboundMailParser.PublishableText(body, "GB");

        Assert.True(text.Length <= InboundMailParser.MaxTextLength + 2, $"{text.Length} characters");
        Assert.EndsWith(" …", text, StringComparison.Ordinal);
        Assert.DoesNotContain("council.example.org", text, StringComparison.Ordinal);
    }
}
