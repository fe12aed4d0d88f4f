using FixIt.Domain.Inbound;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>
/// VERP: every outbound message has its own envelope sender bounce+KEY@reply domain, so a delivery failure report
/// comes back to the listener naming that message. Only a delivery failure report for that message's recipient
/// counts. Each test has its own app: bouncing is per contact.
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
        Assert.Matches(@"^bounce\+[a-z2-7]{8,40}@reply\.fixit\.test$", bounceAddress);
        Assert.NotEqual(sent.ReplyAddress.Replace("reply+", "bounce+", StringComparison.Ordinal), bounceAddress);
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

        // The same failure reported again (or repeated by someone) adds nothing.
        Assert.Equal(250, (await RawSmtp.SendAsync(mail.Smtp, "", bounceAddress, Bytes(Bounce.For(bounceAddress, InboundMailApp.OperatorContact))))[^1]);
        Assert.Equal(InboundMessageStatus.Ignored, (await mail.InboundMessagesAsync())[^1].Status);
        var again = await mail.App.Client.GetStringAsync($"reports/{sent.Id}");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(again, "could not be delivered"));
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
    public async Task Forged_failure_text_to_a_followers_bounce_address_changes_nothing_on_the_report(DatabaseProvider provider)
    {
        await using var mail = await InboundMailApp.StartAsync(provider);
        var sent = await mail.SentReportAsync("Forged bounce");
        await mail.SentNoticeAsync(sent.Id); // queued with the "sent" event: the timeline is settled
        var stranger = MailApps.UniqueEmail("mallory");
        (await ReportSubscriptionTests.SubscribeAsync(mail.App, sent.Id, stranger)).Dispose();
        var confirmation = await mail.Sink.WaitForAsync(m => m.To == stranger, "the follow confirmation");
        var bounceAddress = confirmation.EnvelopeFrom;
        var events = await EventCountAsync(mail, sent.Id);

        // Text that says "undelivered", from a person; and a well-formed report naming the operator's address.
        var text = new MimeMessage();
        text.From.Add(MailboxAddress.Parse(stranger));
        text.To.Add(MailboxAddress.Parse(bounceAddress));
        text.Subject = "Undelivered Mail Returned to Sender";
        text.Body = new TextPart("plain") { Text = $"Your message to {InboundMailApp.OperatorContact} could not be delivered." };
        Assert.Equal(250, (await RawSmtp.SendAsync(mail.Smtp, stranger, bounceAddress, Bytes(text)))[^1]);
        Assert.Equal(250, (await RawSmtp.SendAsync(mail.Smtp, "", bounceAddress, Bytes(Bounce.For(bounceAddress, InboundMailApp.OperatorContact))))[^1]);

        Assert.All(await mail.InboundMessagesAsync(), m => Assert.Equal(InboundMessageStatus.Ignored, m.Status));
        Assert.Null(await BouncingSinceAsync(mail));
        Assert.Equal(events, await EventCountAsync(mail, sent.Id));
        Assert.DoesNotContain("could not be delivered", await mail.App.Client.GetStringAsync($"reports/{sent.Id}"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task A_delivery_report_for_the_operator_message_naming_someone_else_marks_no_one(DatabaseProvider provider)
    {
        await using var mail = await InboundMailApp.StartAsync(provider);
        var sent = await mail.SentReportAsync("Bounce naming another");

        var codes = await RawSmtp.SendAsync(mail.Smtp, "", sent.OperatorMail.EnvelopeFrom,
            Bytes(Bounce.For(sent.OperatorMail.EnvelopeFrom, "someone.else@council.example.org")));

        Assert.Equal(250, codes[^1]);
        Assert.Equal(InboundMessageStatus.Ignored, (await mail.InboundMessagesAsync()).Single().Status);
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

    private static Task<int> EventCountAsync(InboundMailApp mail, int id) =>
        mail.App.WithDbAsync(db => db.ReportEvents.CountAsync(e => e.ReportId == id));

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
