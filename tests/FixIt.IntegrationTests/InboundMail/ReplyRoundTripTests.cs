using System.Net;
using System.Text;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>
/// Email out and email in joined up: one app sends into an SMTP sink and receives on its own listener, and every
/// address a step uses is read from an email as it was received, never from the database.
/// </summary>
public sealed class ReplyRoundTripTests
{
    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task Operator_reply_to_the_received_email_is_published_and_the_reporter_can_answer_the_notification(DatabaseProvider provider)
    {
        await using var mail = await InboundMailApp.StartAsync(provider);
        var sink = mail.Sink;
        var reporter = MailApps.UniqueEmail("ada");
        var body = ReportRequests.Valid("Lamp out by the bus station");
        body["reporterEmail"] = reporter;
        var id = (await mail.App.Client.SubmitAsync(body)).GetProperty("id").GetInt32();

        var confirmation = await sink.WaitForAsync(m => m.To == reporter && m.Subject.StartsWith("Confirm your report", StringComparison.Ordinal),
            "the confirmation email");
        using (var confirmed = await mail.App.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "confirm/")))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        }

        var toOperator = await sink.WaitForAsync(m => m.To == InboundMailApp.OperatorContact && m.Subject.Contains($" #{id}]", StringComparison.Ordinal),
            "the operator email");
        var replyTo = toOperator.Message.ReplyTo.Mailboxes.Single().Address;
        Assert.Matches(@"^reply\+[a-z2-7]{8,40}@reply\.fixit\.test$", replyTo);
        Assert.Equal("fixit@fixit.example.org", toOperator.Message.From.Mailboxes.Single().Address);
        Assert.Matches(@"^bounce\+[a-z2-7]{8,40}@reply\.fixit\.test$", toOperator.EnvelopeFrom);
        Assert.NotEqual(replyTo.Replace("reply+", "bounce+", StringComparison.Ordinal), toOperator.EnvelopeFrom);

        // The operator answers as a mail client does: Re: subject, In-Reply-To, the whole email quoted below.
        await SendAsync(mail, ReplyTo(toOperator, InboundMailApp.OperatorContact, "Status: fixed\nNew lamp fitted this morning."));

        var page = await mail.PageShowingAsync(id, "New lamp fitted this morning.");
        Assert.Contains("New lamp fitted this morning.", page, StringComparison.Ordinal);
        Assert.Contains("<span data-testid=\"status\">Fixed</span>", page, StringComparison.Ordinal);
        Assert.Contains("by email reply", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Status: fixed", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Answer with one of these links", page, StringComparison.Ordinal);
        Assert.DoesNotContain("wrote:", page, StringComparison.Ordinal);

        // The reporter hears of it by email, with a reply address and an envelope sender of their own.
        var notification = await sink.WaitForAsync(m => m.To == reporter && m.Text.Contains("set the status to Fixed", StringComparison.Ordinal),
            "the reporter's notification");
        Assert.Contains("New lamp fitted this morning.", notification.Text, StringComparison.Ordinal);
        Assert.NotEqual(replyTo, notification.Message.ReplyTo.Mailboxes.Single().Address);
        Assert.NotEqual(toOperator.EnvelopeFrom, notification.EnvelopeFrom);

        // The reporter's answer to the notification becomes their public update, and is not mailed back to them.
        await SendAsync(mail, ReplyTo(notification, reporter, "Thank you, the street is bright again."));

        page = await mail.PageShowingAsync(id, "Thank you, the street is bright again.");
        Assert.Contains("Thank you, the street is bright again.", page, StringComparison.Ordinal);
        Assert.DoesNotContain(reporter, page, StringComparison.Ordinal);
        var last = (await mail.App.Client.GetJsonAsync($"api/reports/{id}")).GetProperty("events").EnumerateArray().Last();
        Assert.Equal("Ada Resident", last.GetProperty("actor").GetString());
        Assert.Equal("emailReply", last.GetProperty("source").GetString());
        Assert.Equal("Thank you, the street is bright again.", last.GetProperty("text").GetString());
        var updates = await mail.App.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ReportId == id && m.Kind == MailKind.ReporterUpdate));
        Assert.Equal(1, updates);
    }

    /// <summary>A reply to a received email: Re: subject, In-Reply-To, the answer above and the original quoted below.</summary>
    internal static MimeMessage ReplyTo(ReceivedMail original, string from, string answer)
    {
        var quoted = new StringBuilder();
        foreach (var line in original.Text.ReplaceLineEndings("\n").Split('\n'))
        {
            quoted.Append("> ").AppendLine(line);
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(original.Message.ReplyTo.Mailboxes.Single());
        message.Subject = "Re: " + original.Subject;
        message.InReplyTo = original.Message.MessageId;
        message.MessageId = $"{Guid.NewGuid():N}@mail.example.org";
        message.Body = new TextPart("plain")
        {
            Text = $"{answer}\n\nOn Tue, 3 Mar 2026 at 09:02, FixIt <{original.Message.From.Mailboxes.Single().Address}> wrote:\n{quoted}",
        };
        return message;
    }

    internal static async Task SendAsync(InboundMailApp mail, MimeMessage message)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", mail.Smtp.Port, SecureSocketOptions.None);
        await client.SendAsync(message);
        await client.DisconnectAsync(true);
    }
}
