using FixIt.Domain.Inbound;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>Who a reply is from, what a status line may do, and a message delivered twice.</summary>
[Collection(InboundMailCollection.Name)]
public sealed class ReplyRulesTests(InboundMailFixture apps)
{
    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task A_status_the_report_cannot_move_to_is_not_applied_but_the_text_is_published(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var (id, reply) = await mail.SentReportAsync("Transition test");
        await mail.App.WithDbAsync(async db =>
        {
            var report = await db.Reports.SingleAsync(r => r.Id == id);
            report.ChangeStatus(ReportStatus.Fixed, ActorKind.Operator, "Demo City Council", EventSource.EmailLink, null, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        await SendAsync(mail, OperatorReply.To(reply, InboundMailApp.OperatorContact, "Status: in progress\nA second crew will check the wiring.", id));

        var view = await mail.App.Client.GetJsonAsync($"api/reports/{id}");
        Assert.Equal("fixed", view.GetProperty("status").GetString());
        var last = view.GetProperty("events").EnumerateArray().Last();
        Assert.Equal("A second crew will check the wiring.", last.GetProperty("text").GetString());
        Assert.Equal("Demo City Council", last.GetProperty("actor").GetString());
        var note = await mail.App.WithDbAsync(db => db.ReportEvents.Where(e => e.ReportId == id && !e.IsPublic).Select(e => e.PublicText).ToListAsync());
        Assert.Contains(note, n => n!.Contains("cannot go from Fixed to InProgress", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task A_colleague_at_the_operators_domain_speaks_for_the_operator(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var (id, reply) = await mail.SentReportAsync("Forwarded test");

        await SendAsync(mail, OperatorReply.To(reply, "night.crew@council.example.org", "Status: acknowledged\nForwarded to us; on it tonight.", id));

        var view = await mail.App.Client.GetJsonAsync($"api/reports/{id}");
        Assert.Equal("acknowledged", view.GetProperty("status").GetString());
        var last = view.GetProperty("events").EnumerateArray().Last();
        Assert.Equal("Demo City Council", last.GetProperty("actor").GetString());
        Assert.Equal("Forwarded to us; on it tonight.", last.GetProperty("text").GetString());
    }

    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task An_unlisted_sender_at_the_operators_reply_address_is_held_for_an_admin(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var (id, reply) = await mail.SentReportAsync("Contractor test");
        await mail.SentNoticeAsync(id); // queued with the "sent" event: the timeline is settled
        var before = await mail.App.Client.GetJsonAsync($"api/reports/{id}");

        await SendAsync(mail, OperatorReply.To(reply, "night.crew@contractor.example.com", "Status: fixed\nDone, says the contractor.", id));

        var stored = await mail.App.WithDbAsync(db => db.InboundMessages.Where(m => m.ReportId == id).SingleAsync());
        Assert.Equal(InboundMessageStatus.Held, stored.Status);
        Assert.Contains("night.crew@contractor.example.com", stored.Outcome, StringComparison.Ordinal);
        var after = await mail.App.Client.GetJsonAsync($"api/reports/{id}");
        Assert.Equal("open", after.GetProperty("status").GetString());
        Assert.Equal(before.GetProperty("events").GetRawText(), after.GetProperty("events").GetRawText());
    }

    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task The_same_message_delivered_twice_is_published_once(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var (id, reply) = await mail.SentReportAsync("Duplicate test");
        var message = OperatorReply.To(reply, InboundMailApp.OperatorContact, "Only once, please.", id);
        message.MessageId = $"twice-{Guid.NewGuid():N}@council.example.org";

        await SendAsync(mail, message);
        await SendAsync(mail, message);

        var texts = await mail.App.WithDbAsync(db => db.ReportEvents.Where(e => e.ReportId == id && e.PublicText == "Only once, please.").CountAsync());
        Assert.Equal(1, texts);
        var stored = await mail.App.WithDbAsync(db => db.InboundMessages.Where(m => m.ReportId == id).OrderBy(m => m.Id).Select(m => m.Status).ToListAsync());
        Assert.Equal([InboundMessageStatus.Published, InboundMessageStatus.Duplicate], stored);
    }

    private static async Task SendAsync(InboundMailApp mail, MimeMessage message)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", mail.Smtp.Port, SecureSocketOptions.None);
        await client.SendAsync(message);
        await client.DisconnectAsync(true);
    }
}
