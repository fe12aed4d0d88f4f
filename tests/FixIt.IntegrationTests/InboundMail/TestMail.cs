using System.Diagnostics;
using System.Net;
using MimeKit;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>Debian's swaks, a client nobody here wrote, run against the listener.</summary>
public static class Swaks
{
    public static async Task<(int ExitCode, string Output)> RunAsync(IPEndPoint server, params string[] arguments)
    {
        var start = new ProcessStartInfo("swaks") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--server", server.Address.ToString(), "--port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--helo", "client.example.org", "--timeout", "30", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}

/// <summary>An RFC 3464 delivery status notification, as a receiving server sends back to the reply address.</summary>
public static class Bounce
{
    public static MimeMessage For(string replyAddress, string failedRecipient)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@mx.council.example.org"));
        message.To.Add(MailboxAddress.Parse(replyAddress));
        message.Subject = "Undelivered Mail Returned to Sender";
        var report = new MultipartReport("delivery-status")
        {
            new TextPart("plain") { Text = $"Your message could not be delivered to {failedRecipient}." },
        };
        var status = new MessageDeliveryStatus();
        var perMessage = new HeaderList { { "Reporting-MTA", "dns; mx.council.example.org" } };
        var perRecipient = new HeaderList
        {
            { "Final-Recipient", $"rfc822; {failedRecipient}" },
            { "Action", "failed" },
            { "Status", "5.1.1" },
        };
        status.StatusGroups.Add(perMessage);
        status.StatusGroups.Add(perRecipient);
        report.Add(status);
        message.Body = report;
        return message;
    }
}

public static class TestImages
{
    /// <summary>Bytes that start like a JPEG (the photo check reads the signature), with random content.</summary>
    public static byte[] Jpeg(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0xFF;
        return bytes;
    }
}
