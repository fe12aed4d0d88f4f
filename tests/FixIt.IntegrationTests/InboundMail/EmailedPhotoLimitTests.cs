using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Reports;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>An emailed photo declaring too many pixels is dropped, with a note for admins; the reply itself is published.</summary>
[Collection(InboundMailCollection.Name)]
public sealed class EmailedPhotoLimitTests(InboundMailFixture apps)
{
    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task An_oversized_emailed_photo_is_dropped_with_a_note_and_the_reply_is_still_published(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var (id, reply) = await mail.SentReportAsync("Emailed huge photo");
        var message = OperatorReply.To(reply, InboundMailApp.OperatorContact, "Two photos of the lamp post.", id);
        var builder = new BodyBuilder { TextBody = message.TextBody };
        builder.Attachments.Add("huge.png", PhotoTestImages.BlankPng(16000, 16000), new ContentType("image", "png"));
        builder.Attachments.Add("lamp.jpg", TestImages.JpegWithExif(), new ContentType("image", "jpeg"));
        message.Body = builder.ToMessageBody();

        using (var client = new SmtpClient())
        {
            await client.ConnectAsync("127.0.0.1", mail.Smtp.Port, SecureSocketOptions.None);
            await client.SendAsync(message);
            await client.DisconnectAsync(true);
        }

        await mail.PageShowingAsync(id, "Two photos of the lamp post.");
        var kept = await mail.App.WithDbAsync(db => db.UpdatePhotos.Where(p => p.ReportId == id).Select(p => p.FileName).ToListAsync());
        Assert.Equal(["lamp.jpg"], kept);
        var recorded = (await mail.InboundMessagesAsync()).Single(m => m.ReportId == id);
        Assert.Contains("Photo \"huge.png\" dropped: The photo is 16000 × 16000 pixels, more than the 40 megapixels accepted.", recorded.Outcome,
            StringComparison.Ordinal);
    }
}
