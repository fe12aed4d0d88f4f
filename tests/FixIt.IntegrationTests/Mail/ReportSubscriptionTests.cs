using System.Net;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.IntegrationTests.Mail;

/// <summary>"Email me updates" from the report page to the unsubscribe link, through a real SMTP server on loopback.</summary>
public sealed class ReportSubscriptionTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Subscribe_confirm_get_updates_and_unsubscribe_by_email(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var reporter = MailApps.UniqueEmail("ada");
        var (id, toOperator) = await PublicReportAsync(app, sink, reporter);
        var follower = MailApps.UniqueEmail("sam");

        // 1. A neighbour asks for updates through the form on the report page, as a browser posts it.
        var page = await app.Client.GetStringAsync($"reports/{id}");
        Assert.Contains($"action=\"/reports/{id}/subscribe\"", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"subscribe-email\">Email me updates</label>", page, StringComparison.Ordinal);
        using var subscribed = await SubscribeAsync(app, id, " " + follower.ToUpperInvariant() + " ");
        var answer = await subscribed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        Assert.Contains("Check your email", answer, StringComparison.Ordinal);

        // Asking again gives the same answer, and does not flood the mailbox.
        using var again = await SubscribeAsync(app, id, follower);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(MessageOf(answer), MessageOf(await again.Content.ReadAsStringAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ReportId == id && m.Kind == MailKind.SubscriptionConfirmation)));

        // 2. The confirmation email; its GET (a mail scanner) changes nothing, the form's POST confirms.
        var confirmation = await sink.WaitForAsync(m => m.To == follower, "the subscription confirmation");
        Assert.Contains("Confirm: updates on", confirmation.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(reporter, confirmation.Raw, StringComparison.OrdinalIgnoreCase);
        var confirmPath = MailApps.LinkPath(confirmation, "subscribe/");
        using var form = await app.Client.GetAsync(confirmPath);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Null(await ConfirmedAtAsync(app, id, follower));
        using var confirmed = await app.Client.SubmitLinkFormAsync(confirmPath);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("You will be emailed when this report is updated.", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(await ConfirmedAtAsync(app, id, follower));

        // 3. The operator marks it fixed: the follower hears about it, with an unsubscribe link and a reply address of their own.
        using var fixedResponse = await app.Client.SubmitLinkFormAsync(ReportLifeByEmailTests.ActionPath(toOperator, "fixed"), ("text", "New lamp fitted."));
        Assert.Equal(HttpStatusCode.Redirect, fixedResponse.StatusCode);
        var update = await sink.WaitForAsync(m => m.To == follower && m.Text.Contains("set the status to Fixed", StringComparison.Ordinal), "the follower's update");
        Assert.Contains("New lamp fitted.", update.Text, StringComparison.Ordinal);
        var followerKey = update.Message.ReplyTo.Mailboxes.Single().Address.Split('+', '@')[1];
        Assert.DoesNotContain(followerKey, toOperator.Raw, StringComparison.Ordinal);
        Assert.Equal(ReplyKeyHolder.Follower, await app.WithDbAsync(db => db.ReplyKeys.Where(k => k.Key == followerKey).Select(k => k.Holder).SingleAsync()));
        Assert.DoesNotContain(reporter, update.Raw, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith($"<{MailApps.PublicBaseUrl}/unsubscribe/", update.Message.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        await sink.WaitForAsync(m => m.To == reporter && m.Text.Contains("set the status to Fixed", StringComparison.Ordinal), "the reporter's update");
        Assert.DoesNotContain(follower, await app.Client.GetStringAsync($"reports/{id}"), StringComparison.OrdinalIgnoreCase);

        // 4. The follower unsubscribes; the reporter still gets the next update, the follower does not.
        using var unsubscribed = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(update, "unsubscribe/"));
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Contains("no more emails", await unsubscribed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Their "still not fixed" link no longer speaks for them: the page says so at once, as its POST does.
        var stillNotFixed = MailApps.LinkPath(update, "still-not-fixed/");
        using (var stale = await app.Client.GetAsync(stillNotFixed))
        {
            Assert.Equal(HttpStatusCode.Gone, stale.StatusCode);
        }

        using var note = await app.Client.SubmitLinkFormAsync(ReportLifeByEmailTests.ActionPath(toOperator, "note"), ("text", "Checked again tonight."));
        Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        await sink.WaitForAsync(m => m.To == reporter && m.Text.Contains("Checked again tonight.", StringComparison.Ordinal), "the reporter's second update");
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ReportId == id && m.Kind == MailKind.SubscriberUpdate)));
        Assert.Equal(2, sink.Received.Count(m => m.To == follower));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Reporter_who_also_follows_their_report_gets_each_update_once(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var reporter = MailApps.UniqueEmail("ada");
        var (id, toOperator) = await PublicReportAsync(app, sink, reporter);
        (await SubscribeAsync(app, id, reporter)).Dispose();
        var confirmation = await sink.WaitForAsync(m => m.To == reporter && m.Subject.StartsWith("Confirm: updates", StringComparison.Ordinal), "the follow confirmation");
        (await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "subscribe/"))).Dispose();

        using var ack = await app.Client.SubmitLinkFormAsync(ReportLifeByEmailTests.ActionPath(toOperator, "acknowledge"));
        Assert.Equal(HttpStatusCode.Redirect, ack.StatusCode);
        await sink.WaitForAsync(m => m.To == reporter && m.Text.Contains("set the status to Acknowledged", StringComparison.Ordinal), "the update");

        var kinds = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.ReportId == id && m.ToAddress == reporter
            && (m.Kind == MailKind.ReporterUpdate || m.Kind == MailKind.SubscriberUpdate)).Select(m => m.Kind).ToListAsync());
        Assert.Equal([MailKind.ReporterUpdate], kinds);
    }

    /// <summary>A report submitted, confirmed from its email and sent to the operator; returns its id and the operator's email.</summary>
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task The_same_address_asking_many_times_at_once_gets_one_subscription_one_email_and_no_error(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var (id, _) = await PublicReportAsync(app, sink, MailApps.UniqueEmail("ada"));
        var follower = MailApps.UniqueEmail("eager");

        // As requests: each in its own scope, all let go at once, several rounds so that they really overlap.
        for (var round = 0; round < 5; round++)
        {
            var email = round == 0 ? follower : $"{round}.{follower}";
            using var start = new SemaphoreSlim(0);
            var requests = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                var mediator = scope.ServiceProvider.GetRequiredService<Mediator.IMediator>();
                await start.WaitAsync();
                await mediator.Send(new FixIt.Application.Features.Reports.Subscribe.SubscribeToReportCommand(id, email));
            })).ToList();
            start.Release(requests.Count);
            await Task.WhenAll(requests);

            Assert.Equal(1, await app.WithDbAsync(db => db.ReportSubscriptions.CountAsync(s => s.ReportId == id && s.Email == email)));
            Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ReportId == id && m.Kind == MailKind.SubscriptionConfirmation
                && m.ToAddress == email)));
        }
    }

    internal static async Task<(int Id, ReceivedMail ToOperator)> PublicReportAsync(FixItApp app, SmtpSink sink, string reporter)
    {
        var body = ReportRequests.Valid("Lamp out by the library");
        body["reporterEmail"] = reporter;
        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
        var confirmation = await sink.WaitForAsync(m => m.To == reporter, "the confirmation email");
        using var confirmed = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "confirm/"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var toOperator = await sink.WaitForAsync(m => m.To == "reports@council.example.org" && m.Subject.Contains($"#{id}]", StringComparison.Ordinal),
            "the operator email");
        return (id, toOperator);
    }

    internal static Task<HttpResponseMessage> SubscribeAsync(FixItApp app, int id, string email) =>
        app.Client.SubmitFormAsync($"reports/{id}", $"reports/{id}/subscribe", ("email", email));

    private static Task<DateTimeOffset?> ConfirmedAtAsync(FixItApp app, int id, string email) =>
        app.WithDbAsync(db => db.ReportSubscriptions.Where(s => s.ReportId == id && s.Email == email).Select(s => s.ConfirmedAt).SingleAsync());

    private static string MessageOf(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<p data-testid=\"message\">([^<]*)</p>").Groups[1].Value;
}
