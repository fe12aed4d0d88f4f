using MimeKit;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>Replies as a mail client builds them to the email FixIt sent: Re: subject, In-Reply-To, quoted original.</summary>
public static class OperatorReply
{
    public static MimeMessage To(string replyAddress, string from, string text, int reportId)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(new MailboxAddress("FixIt", replyAddress));
        message.Subject = $"Re: Report #{reportId}: Street light out";
        message.InReplyTo = $"report-{reportId}@fixit.test";
        message.Body = new TextPart("plain")
        {
            Text = text + $"\n\nOn Mon, 3 Mar 2025 at 09:02, FixIt <{replyAddress}> wrote:\n> Report #{reportId}: Street light out\n> Please reply to this email.\n",
        };
        return message;
    }
}
