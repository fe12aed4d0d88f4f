using System.Net;
using System.Text.Json;
using FixIt.Application.Common;
using FixIt.Domain.Inbound;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>
/// Who may speak for whom: a stranger follows a public report, takes every address in the mail FixIt sent them,
/// and writes "Status: fixed" to each (and to operator-shaped variants of each), as themselves and as the operator.
/// </summary>
[Collection(InboundMailCollection.Name)]
public sealed class FollowThenForgeTests(InboundMailFixture apps)
{
    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task A_follower_cannot_change_the_status_or_speak_as_the_operator_with_any_address_they_were_given(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var sent = await mail.SentReportAsync("Follow then forge");
        await mail.SentNoticeAsync(sent.Id); // queued with the "sent" event: the timeline is settled
        var stranger = MailApps.UniqueEmail("mallory");

        // The stranger follows the public report, as anyone may.
        (await ReportSubscriptionTests.SubscribeAsync(mail.App, sent.Id, stranger)).Dispose();
        var confirmation = await mail.Sink.WaitForAsync(m => m.To == stranger, "the follow confirmation");
        using (var confirmed = await mail.App.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "subscribe/")))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        // The operator's real reply still publishes and changes the status; the follower is told of it.
        await SmtpAsync(mail, sent.ReplyAddress, InboundMailApp.OperatorContact, "Status: acknowledged\nWe will look at it this week.", sent.Id);
        Assert.Equal("acknowledged", (await mail.App.Client.GetJsonAsync($"api/reports/{sent.Id}")).GetProperty("status").GetString());
        var update = await mail.Sink.WaitForAsync(m => m.To == stranger && m.Text.Contains("We will look at it this week.", StringComparison.Ordinal),
            "the follower's update");
        var before = await TimelineAsync(mail, sent.Id);
        var storedBefore = (await mail.InboundMessagesAsync()).Select(m => m.Id).ToHashSet();

        // Every address the stranger holds (Reply-To, Return-Path), and the same keys under the other prefix and in capitals.
        // A key is accepted at RCPT only under its own prefix: reply keys as reply+, a message's bounce key as bounce+.
        var held = new[] { (confirmation.EnvelopeFrom, "bounce"), (update.EnvelopeFrom, "bounce"), (update.Message.ReplyTo.Mailboxes.Single().Address, "reply") };
        Assert.DoesNotContain(sent.ReplyAddress, held.Select(h => h.Item1));
        var targets = held.SelectMany(h =>
        {
            var key = h.Item1.Split('+', '@')[1];
            return new[] { "reply", "bounce", "REPLY" }.Select(prefix => (To: $"{prefix}+{(prefix == "REPLY" ? key.ToUpperInvariant() : key)}@{InboundMailApp.ReplyDomain}",
                Accepted: prefix.Equals(h.Item2, StringComparison.OrdinalIgnoreCase)));
        }).ToList();
        var accepted = 0;
        foreach (var (to, expected) in targets)
        {
            foreach (var from in new[] { stranger, InboundMailApp.OperatorContact })
            {
                var codes = await RawSmtp.SendAsync(mail.Smtp, from, to, Bytes(OperatorReply.To(to, from, "Status: fixed\nFixed, says the council.", sent.Id)));
                Assert.True(codes[^1] == (expected ? 250 : 550), $"{from} → {to}: {string.Join(' ', codes)}");
                accepted += expected ? 1 : 0;
            }
        }

        Assert.True(accepted >= 4, $"Only {accepted} of the forgeries were even received; the test would prove nothing.");
        Assert.Equal(before, await TimelineAsync(mail, sent.Id));
        Assert.DoesNotContain("Fixed, says the council.", await mail.App.Client.GetStringAsync($"reports/{sent.Id}"), StringComparison.Ordinal);
        var forged = (await mail.InboundMessagesAsync()).Where(m => !storedBefore.Contains(m.Id)).ToList();
        Assert.Equal(accepted, forged.Count);
        Assert.All(forged, m => Assert.Contains(m.Status, new[] { InboundMessageStatus.Held, InboundMessageStatus.KeptPrivate, InboundMessageStatus.Ignored }));

        // Under the follower's own key, as the operator: held. As themselves: a follower's reply, kept for admins.
        var followerKey = update.Message.ReplyTo.Mailboxes.Single().Address;
        Assert.Contains(forged, m => m.Recipient == followerKey && m.Status == InboundMessageStatus.Held);
        Assert.Contains(forged, m => m.Recipient == followerKey && m.Status == InboundMessageStatus.KeptPrivate);
        Assert.All(forged.Where(m => m.Recipient.StartsWith("bounce+", StringComparison.Ordinal)), m => Assert.Equal(InboundMessageStatus.Ignored, m.Status));
    }

    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task A_stranger_writing_to_the_operators_reply_address_is_held_for_an_admin(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var sent = await mail.SentReportAsync("Operator key from a stranger");
        await mail.SentNoticeAsync(sent.Id); // queued with the "sent" event: the timeline is settled
        var before = await TimelineAsync(mail, sent.Id);

        await SmtpAsync(mail, sent.ReplyAddress, "mallory@attacker.example", "Status: fixed\nAll done, the council.", sent.Id);

        Assert.Equal(before, await TimelineAsync(mail, sent.Id));
        var stored = await mail.App.WithDbAsync(db => db.InboundMessages.Where(m => m.ReportId == sent.Id).SingleAsync());
        Assert.Equal(InboundMessageStatus.Held, stored.Status);

        using var admin = await mail.App.AdminClientAsync();
        var listed = JsonDocument.Parse(await admin.GetStringAsync("api/admin/mail/held")).RootElement.EnumerateArray()
            .Single(h => h.GetProperty("id").GetInt64() == stored.Id);
        Assert.Equal(sent.Id, listed.GetProperty("reportId").GetInt32());
        Assert.Contains("mallory@attacker.example", listed.GetProperty("reason").GetString(), StringComparison.Ordinal);
        using var anonymous = await mail.App.Client.GetAsync("api/admin/mail/held");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        // And on the admin mail page, in a browser signed in as an admin (password and TOTP).
        using var browser = new HttpClient(new BrowserCookies()) { BaseAddress = mail.App.BaseAddress };
        (await AdminSignInTests.SignInAsync(browser, await mail.App.CreateStaffAsync(StaffRoles.Admin, twoFactor: true))).Dispose();
        var page = await browser.GetStringAsync("admin/mail");
        Assert.Contains("Held replies", page, StringComparison.Ordinal);
        Assert.Contains($"<td>{stored.Id}</td>", page, StringComparison.Ordinal);
        Assert.Contains("mallory@attacker.example", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task The_reporters_key_adds_the_reporters_update_but_cannot_change_the_status(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var sent = await mail.SentReportAsync("Reporter key status");
        var reporterReply = (await mail.SentNoticeAsync(sent.Id)).Message.ReplyTo.Mailboxes.Single().Address;
        Assert.NotEqual(sent.ReplyAddress, reporterReply);

        await SmtpAsync(mail, reporterReply, InboundMailApp.ReporterEmail, "Status: fixed\nIt still flickers.", sent.Id);

        var view = await mail.App.Client.GetJsonAsync($"api/reports/{sent.Id}");
        Assert.Equal("open", view.GetProperty("status").GetString());
        var last = view.GetProperty("events").EnumerateArray().Last();
        Assert.Equal("Ada Resident", last.GetProperty("actor").GetString());
        Assert.Equal("Status: fixed\nIt still flickers.", last.GetProperty("text").GetString());
    }

    private static async Task<string> TimelineAsync(InboundMailApp mail, int id)
    {
        var view = await mail.App.Client.GetJsonAsync($"api/reports/{id}");
        return view.GetProperty("status").GetString() + view.GetProperty("events").GetRawText();
    }

    private static async Task SmtpAsync(InboundMailApp mail, string to, string from, string text, int id)
    {
        var codes = await RawSmtp.SendAsync(mail.Smtp, from, to, Bytes(OperatorReply.To(to, from, text, id)));
        Assert.Equal(250, codes[^1]);
    }

    internal static byte[] Bytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        message.WriteTo(options, stream);
        return stream.ToArray();
    }
}
