using System.Net;
using FixIt.Application.Common;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Mail;

/// <summary>"Me too" from the report page to the confirmation link, through a real SMTP server on loopback.</summary>
public sealed class ReportSupportTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Me_too_is_confirmed_by_email_counted_once_per_mailbox_and_shown_without_names(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var reporter = MailApps.UniqueEmail("ada");
        var (id, _) = await ReportSubscriptionTests.PublicReportAsync(app, sink, reporter);
        var neighbour = MailApps.UniqueEmail("sam");

        // 1. The form on the report page, as a browser posts it.
        var page = await app.Client.GetStringAsync($"reports/{id}");
        Assert.Contains($"action=\"/reports/{id}/support\"", page, StringComparison.Ordinal);
        Assert.Contains("Nobody else has said they have this problem yet.", page, StringComparison.Ordinal);
        using var asked = await SupportAsync(app, id, neighbour);
        var answer = await asked.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Check your email", answer, StringComparison.Ordinal);
        Assert.Equal(0, await CountedAsync(app, id));

        // 2. The email's link: its GET (a mail scanner) changes nothing, the form's POST counts.
        var confirmation = await sink.WaitForAsync(m => m.To == neighbour, "the me-too confirmation");
        Assert.StartsWith("Confirm: you have this problem too", confirmation.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(reporter, confirmation.Raw, StringComparison.OrdinalIgnoreCase);
        var confirmPath = MailApps.LinkPath(confirmation, "support/");
        using (var form = await app.Client.GetAsync(confirmPath))
        {
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        }

        Assert.Equal(0, await CountedAsync(app, id));
        using var confirmed = await app.Client.SubmitLinkFormAsync(confirmPath);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("You are counted", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await CountedAsync(app, id));

        // 3. The same mailbox again (case and +tag variants): the same answer, no email, still counted once.
        var variant = neighbour.Replace("@", "+again@", StringComparison.Ordinal).ToUpperInvariant();
        using var again = await SupportAsync(app, id, variant);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Check your email", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await CountedAsync(app, id));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ReportId == id && m.Kind == MailKind.SupportConfirmation)));

        // 4. The reporter's own address is not counted, and gets no email.
        using var own = await SupportAsync(app, id, reporter);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == MailKind.SupportConfirmation && m.ToAddress == reporter)));

        // 5. Shown as a number: on the page, in the API and in the operator's figures; never who, never the address.
        var after = await app.Client.GetStringAsync($"reports/{id}");
        Assert.Contains("1 person has reported this too.", after, StringComparison.Ordinal);
        Assert.DoesNotContain(neighbour.Split('@')[0], after, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, (await app.Client.GetJsonAsync($"api/reports/{id}")).GetProperty("supporterCount").GetInt32());
        Assert.Contains("data-testid=\"supporter-count\">1<", await app.Client.GetStringAsync("operators/demo-city-council"), StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.ReportSupports.Where(s => s.ReportId == id).Select(s => s.Mailbox).SingleAsync());
        Assert.Equal(EmailAddresses.MailboxHash(neighbour), stored);
        Assert.DoesNotContain("@", stored, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Me_too_emails_to_one_mailbox_are_capped_per_day_with_the_same_answer(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, s => s["MailboxCaps:SupportConfirmationsPerDay"] = "2");
        var reporter = MailApps.UniqueEmail("ada");
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await ReportSubscriptionTests.PublicReportAsync(app, sink, i == 0 ? reporter : MailApps.UniqueEmail("ada"))).Id);
        }

        var neighbour = MailApps.UniqueEmail("sam");
        foreach (var id in ids)
        {
            using var asked = await SupportAsync(app, id, id == ids[^1] ? neighbour.Replace("@", "+third@", StringComparison.Ordinal) : neighbour);
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            Assert.Contains("Check your email", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Two emails to the mailbox; the third request answered the same, and queued nothing.
        Assert.Equal(2, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == MailKind.SupportConfirmation)));
        var lastId = ids[^1];
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == MailKind.SupportConfirmation && m.ReportId == lastId)));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Me_too_without_a_usable_email_names_the_field_and_stores_nothing(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var (id, _) = await ReportSubscriptionTests.PublicReportAsync(app, sink, MailApps.UniqueEmail("ada"));

        using var response = await SupportAsync(app, id, "not an address");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("You are not counted yet", html, StringComparison.Ordinal);
        Assert.Contains("Your email", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ReportSupports.CountAsync(s => s.ReportId == id)));
    }

    private static Task<HttpResponseMessage> SupportAsync(FixItApp app, int id, string email) =>
        app.Client.SubmitFormAsync($"reports/{id}", $"reports/{id}/support", ("email", email));

    private static Task<int> CountedAsync(FixItApp app, int id) =>
        app.WithDbAsync(db => db.ReportSupports.CountAsync(s => s.ReportId == id && s.ConfirmedAt != null));
}
