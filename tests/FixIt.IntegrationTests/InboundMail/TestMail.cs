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
    /// <summary>A real, noisy JPEG with an EXIF segment spliced in after its start marker, as cameras write.</summary>
    public static byte[] JpegWithExif(int size = 160)
    {
        using var bitmap = new SkiaSharp.SKBitmap(size, size);
        var random = new Random(size);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                bitmap.SetPixel(x, y, new SkiaSharp.SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            }
        }

        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        var jpeg = image.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 95).ToArray();
        // APP1 "Exif\0\0" + a little-endian TIFF header with one empty IFD.
        byte[] exif = [.. "Exif\0\0"u8, .. "II*\0"u8, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        var length = exif.Length + 2;
        return [0xFF, 0xD8, 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. exif, .. jpeg[2..]];
    }


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
