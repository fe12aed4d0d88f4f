using FixIt.Domain.Inbound;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>Real SMTP clients deliver replies into the listener on loopback; what they wrote shows on the public page.</summary>
[Collection(InboundMailCollection.Name)]
public sealed class SmtpReplyTests(InboundMailFixture apps)
{
    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task Operator_reply_sent_with_MailKit_is_published_with_its_status_and_contact_details_masked(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var (id, reply) = await mail.SentReportAsync("Lamp out on Park Row");

        using (var client = new SmtpClient())
        {
            await client.ConnectAsync("127.0.0.1", mail.Smtp.Port, SecureSocketOptions.None);
            await client.SendAsync(OperatorReply.To(reply, InboundMailApp.OperatorContact,
                "Status: fixed\n\nWe replaced the lamp this morning. Call Jo on 0113 496 0123 with questions.", id));
            await client.DisconnectAsync(true);
        }

        var page = await mail.PageShowingAsync(id, "We replaced the lamp this morning.");
        Assert.Contains("We replaced the lamp this morning. Call Jo on [phone number removed] with questions.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("0113 496 0123", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Please reply to this email", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Status: fixed", page, StringComparison.Ordinal);
        Assert.Contains("by email reply", page, StringComparison.Ordinal);

        var view = await mail.App.Client.GetJsonAsync($"api/reports/{id}");
        Assert.Equal("fixed", view.GetProperty("status").GetString());
        var last = view.GetProperty("events").EnumerateArray().Last();
        Assert.Equal("Demo City Council", last.GetProperty("actor").GetString());
        Assert.Equal("emailReply", last.GetProperty("source").GetString());
        Assert.Equal("fixed", last.GetProperty("toStatus").GetString());
    }

    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task Operator_reply_sent_with_swaks_is_published(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var (id, reply) = await mail.SentReportAsync("Shelter glass broken");

        var result = await Swaks.RunAsync(mail.Smtp, "--from", InboundMailApp.OperatorContact, "--to", reply,
            "--header", $"Subject: Re: Report #{id}", "--body", "A crew is booked for Tuesday.\n\n-- \nRoads team, Demo City Council");

        Assert.True(result.ExitCode == 0, result.Output);
        var page = await mail.PageShowingAsync(id, "A crew is booked for Tuesday.");
        Assert.Contains("A crew is booked for Tuesday.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Roads team", page, StringComparison.Ordinal);
        var view = await mail.App.Client.GetJsonAsync($"api/reports/{id}");
        Assert.Equal("open", view.GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task Reporter_reply_is_the_reporters_update_named_only_if_they_chose_so(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var named = (await mail.SentReportAsync("Named reporter", showName: true)).Id;
        var anonymous = (await mail.SentReportAsync("Anonymous reporter", showName: false)).Id;

        // Each answers the notice they got: its reply address is the reporter's own.
        var namedReply = (await mail.SentNoticeAsync(named)).Message.ReplyTo.Mailboxes.Single().Address;
        var anonymousReply = (await mail.SentNoticeAsync(anonymous)).Message.ReplyTo.Mailboxes.Single().Address;

        using (var client = new SmtpClient())
        {
            await client.ConnectAsync("127.0.0.1", mail.Smtp.Port, SecureSocketOptions.None);
            await client.SendAsync(OperatorReply.To(namedReply, InboundMailApp.ReporterEmail, "Still dark tonight.", named));
            await client.SendAsync(OperatorReply.To(anonymousReply, InboundMailApp.ReporterEmail, "Also still dark here.", anonymous));
            await client.DisconnectAsync(true);
        }

        var namedView = await mail.App.Client.GetJsonAsync($"api/reports/{named}");
        var namedEvent = namedView.GetProperty("events").EnumerateArray().Last();
        Assert.Equal("Ada Resident", namedEvent.GetProperty("actor").GetString());
        Assert.Equal("Still dark tonight.", namedEvent.GetProperty("text").GetString());

        var anonymousPage = await mail.PageShowingAsync(anonymous, "Also still dark here.");
        var anonymousView = await mail.App.Client.GetJsonAsync($"api/reports/{anonymous}");
        Assert.Equal("The reporter", anonymousView.GetProperty("events").EnumerateArray().Last().GetProperty("actor").GetString());
        Assert.DoesNotContain("Ada Resident", anonymousPage, StringComparison.Ordinal);
        Assert.DoesNotContain(InboundMailApp.ReporterEmail, anonymousPage, StringComparison.Ordinal);
        Assert.DoesNotContain(InboundMailApp.ReporterEmail, namedView.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task An_out_of_office_reply_is_kept_from_the_public_page(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var (id, reply) = await mail.SentReportAsync("Out of office test");

        var result = await Swaks.RunAsync(mail.Smtp, "--from", InboundMailApp.OperatorContact, "--to", reply,
            "--header", "Subject: Automatic reply: Report", "--header", "Auto-Submitted: auto-replied",
            "--body", "I am away until Monday.");

        Assert.True(result.ExitCode == 0, result.Output);
        var stored = await mail.App.WithDbAsync(db => db.InboundMessages.Where(m => m.ReportId == id).SingleAsync());
        Assert.Equal(InboundMessageStatus.AutoReply, stored.Status);
        var page = await mail.App.Client.GetStringAsync($"reports/{id}");
        Assert.DoesNotContain("I am away", page, StringComparison.Ordinal);
        Assert.DoesNotContain("automatic reply", page, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task A_delivery_failure_report_sent_to_a_reply_address_is_not_taken_as_a_bounce(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var (id, reply) = await mail.SentReportAsync("Bounce test");

        using (var client = new SmtpClient())
        {
            await client.ConnectAsync("127.0.0.1", mail.Smtp.Port, SecureSocketOptions.None);
            await client.SendAsync(Bounce.For(reply, InboundMailApp.OperatorContact), MailboxAddress.Parse("postmaster@mx.council.example.org"),
                [MailboxAddress.Parse(reply)]);
            await client.DisconnectAsync(true);
        }

        var stored = await mail.App.WithDbAsync(db => db.InboundMessages.Where(m => m.ReportId == id).SingleAsync());
        Assert.Equal(InboundMessageStatus.Ignored, stored.Status);
        var contact = await mail.App.WithDbAsync(db => db.OperatorContacts.SingleAsync(c => c.Email == InboundMailApp.OperatorContact));
        Assert.Null(contact.BouncingSince);
        Assert.DoesNotContain("could not be delivered", await mail.App.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task A_photo_attached_to_a_reply_is_kept_as_a_photo_of_the_update(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var (id, reply) = await mail.SentReportAsync("Photo test");
        var message = OperatorReply.To(reply, InboundMailApp.OperatorContact, "Here is the repaired lamp.", id);
        var jpeg = TestImages.JpegWithExif();
        var builder = new BodyBuilder { TextBody = message.TextBody };
        builder.Attachments.Add("lamp.jpg", jpeg, new ContentType("image", "jpeg"));
        message.Body = builder.ToMessageBody();

        using (var client = new SmtpClient())
        {
            await client.ConnectAsync("127.0.0.1", mail.Smtp.Port, SecureSocketOptions.None);
            await client.SendAsync(message);
            await client.DisconnectAsync(true);
        }

        var photo = await mail.App.WithDbAsync(db => db.UpdatePhotos.SingleAsync(p => p.ReportId == id));
        Assert.Equal("lamp.jpg", photo.FileName);
        Assert.Equal("image/jpeg", photo.ContentType);
        var kept = await File.ReadAllBytesAsync(Path.Combine(mail.App.DataFolder, "photos", photo.StoredName));
        Assert.Equal([0xFF, 0xD8], kept[..2]);
        Assert.DoesNotContain("Exif", System.Text.Encoding.Latin1.GetString(kept), StringComparison.Ordinal);

        var page = await mail.PageShowingAsync(id, "Here is the repaired lamp.");
        Assert.Contains($"/reports/{id}/photos/{photo.Id}", page, StringComparison.Ordinal);
        using var served = await mail.App.Client.GetAsync($"reports/{id}/photos/{photo.Id}");
        Assert.Equal(System.Net.HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(kept, await served.Content.ReadAsByteArrayAsync());
        using var elsewhere = await mail.App.Client.GetAsync($"reports/{id + 1}/photos/{photo.Id}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, elsewhere.StatusCode);
    }
}
