using FixIt.Domain.Inbound;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>
/// VERP: outbound mail about a report has the envelope sender bounce+KEY@reply domain, so a delivery failure
/// report comes back to the listener naming the report. Each test has its own app: bouncing is per contact.
/// </summary>
public sealed class VerpBounceTests
{
    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task A_delivery_failure_report_sent_to_the_envelope_sender_marks_the_operator_contact_bouncing(DatabaseProvider provider)
    {
        await using var mail = await InboundMailApp.StartAsync(provider);
        var sent = await mail.SentReportAsync("Bounce by envelope sender");
        var bounceAddress = sent.OperatorMail.EnvelopeFrom;
        Assert.Equal(sent.ReplyAddress.Replace("reply+", "bounce+", StringComparison.Ordinal), bounceAddress);
        Assert.Null(await BouncingSinceAsync(mail));

        // As a receiving MTA sends it: null envelope sender, to the MAIL FROM of the failed message.
        var codes = await RawSmtp.SendAsync(mail.Smtp, "", bounceAddress, Bytes(Bounce.For(bounceAddress, InboundMailApp.OperatorContact)));

        Assert.Equal(250, codes[^1]);
        Assert.NotNull(await BouncingSinceAsync(mail));
        var stored = (await mail.InboundMessagesAsync()).Single();
        Assert.Equal(InboundMessageStatus.Bounce, stored.Status);
        Assert.Equal(bounceAddress, stored.Recipient);
        var page = await mail.PageShowingAsync(sent.Id, "could not be delivered");
        Assert.Contains("An email to Demo City Council could not be delivered", page, StringComparison.Ordinal);
        Assert.DoesNotContain(InboundMailApp.OperatorContact, page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task An_out_of_office_sent_to_the_envelope_sender_is_kept_private_and_the_contact_is_not_bouncing(DatabaseProvider provider)
    {
        await using var mail = await InboundMailApp.StartAsync(provider);
        var sent = await mail.SentReportAsync("Vacation to envelope sender");
        var outOfOffice = new MimeMessage();
        outOfOffice.From.Add(MailboxAddress.Parse(InboundMailApp.OperatorContact));
        outOfOffice.To.Add(MailboxAddress.Parse(sent.OperatorMail.EnvelopeFrom));
        outOfOffice.Subject = "Out of office: " + sent.OperatorMail.Subject;
        outOfOffice.Headers.Add("Auto-Submitted", "auto-replied");
        outOfOffice.Body = new TextPart("plain") { Text = "I am away until Monday." };

        var codes = await RawSmtp.SendAsync(mail.Smtp, "", sent.OperatorMail.EnvelopeFrom, Bytes(outOfOffice));

        Assert.Equal(250, codes[^1]);
        Assert.Equal(InboundMessageStatus.AutoReply, (await mail.InboundMessagesAsync()).Single().Status);
        Assert.Null(await BouncingSinceAsync(mail));
        Assert.DoesNotContain("could not be delivered", await mail.App.Client.GetStringAsync($"reports/{sent.Id}"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task With_VERP_off_the_envelope_sender_is_the_From_address(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, s => s["Mail:VerpEnvelopeSender"] = "false");
        var reporter = MailApps.UniqueEmail("ada");
        var body = ReportRequests.Valid("No VERP");
        body["reporterEmail"] = reporter;
        await app.Client.SubmitAsync(body);

        var confirmation = await sink.WaitForAsync(m => m.To == reporter, "the confirmation email");
        Assert.Equal("fixit@fixit.example.org", confirmation.EnvelopeFrom);
    }

    private static Task<DateTimeOffset?> BouncingSinceAsync(InboundMailApp mail) => mail.App.WithDbAsync(db =>
        db.OperatorContacts.Where(c => c.Email == InboundMailApp.OperatorContact).Select(c => c.BouncingSince).SingleAsync());

    private static byte[] Bytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        message.WriteTo(options, stream);
        return stream.ToArray();
    }
}
