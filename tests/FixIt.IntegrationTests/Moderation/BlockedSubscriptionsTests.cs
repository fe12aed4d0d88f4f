using System.Net;
using System.Text.RegularExpressions;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Alerts;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Moderation;

/// <summary>
/// "Email me updates", "me too" and area alerts from a blocked address or domain: the same answers and confirmation
/// emails as anyone's, and nothing starts — no updates, no count, no alerts.
/// </summary>
public sealed partial class BlockedSubscriptionsTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Follows_me_toos_and_alerts_of_blocked_senders_are_dropped_with_the_usual_answers(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var (id, toOperator) = await ReportSubscriptionTests.PublicReportAsync(app, sink, MailApps.UniqueEmail("ada"));
        using var admin = await Moderator.CreateAsync(app);
        var domain = BlockedSenderRequests.UniqueDomain();
        var eve = MailApps.UniqueEmail("eve");
        await admin.BlockedAsync(domain);
        await admin.BlockedAsync(eve);
        var senders = new (string Email, bool Blocked)[]
        {
            ($"mallory@{domain}", true), (eve.Replace("@", "+follow@", StringComparison.Ordinal), true), (MailApps.UniqueEmail("sam"), false),
        };

        var followAnswers = new List<string>();
        var supportAnswers = new List<string>();
        foreach (var (email, _) in senders)
        {
            // Follow: the form's answer, the confirmation email, its link's answer.
            using var follow = await app.Client.SubmitFormAsync($"reports/{id}", $"reports/{id}/subscribe", ("email", email));
            var followConfirmation = await sink.WaitForAsync(m => m.To == email && m.Subject.StartsWith("Confirm: updates", StringComparison.Ordinal),
                $"the follow confirmation to {email}");
            using var followed = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(followConfirmation, "subscribe/"));
            followAnswers.Add($"{(int)follow.StatusCode} {Message(await follow.Content.ReadAsStringAsync())} {(int)followed.StatusCode} "
                + Message(await followed.Content.ReadAsStringAsync()));

            // Me too: likewise.
            using var support = await app.Client.SubmitFormAsync($"reports/{id}", $"reports/{id}/support", ("email", email));
            var supportConfirmation = await sink.WaitForAsync(m => m.To == email && m.Subject.StartsWith("Confirm: you have this problem too", StringComparison.Ordinal),
                $"the me-too confirmation to {email}");
            using var supported = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(supportConfirmation, "support/"));
            supportAnswers.Add($"{(int)support.StatusCode} {Message(await support.Content.ReadAsStringAsync())} {(int)supported.StatusCode} "
                + Message(await supported.Content.ReadAsStringAsync()));

            // An area alert: the 202, the email, and "Alerts started" (asserted by the helper) for everyone.
            await AlertFlow.AskAsync(app, new { email, latitude = AlertFlow.ParkRowLat, longitude = AlertFlow.ParkRowLon, radiusMetres = 500 });
            await AlertFlow.ConfirmAsync(app, sink, email);
        }

        Assert.True(followAnswers.Distinct().Count() == 1, string.Join("\n", followAnswers));
        Assert.True(supportAnswers.Distinct().Count() == 1, string.Join("\n", supportAnswers));
        Assert.Contains("You will be emailed when this report is updated.", followAnswers[0], StringComparison.Ordinal);

        // Only the sender not blocked follows, is counted and has an alert.
        var following = await app.WithDbAsync(db => db.ReportSubscriptions.Where(s => s.ReportId == id && s.ConfirmedAt != null).Select(s => s.Email).ToListAsync());
        Assert.DoesNotContain(following, e => senders.Any(s => s.Blocked && s.Email == e));
        Assert.Contains(senders[2].Email, following);
        Assert.Equal(1, await app.WithDbAsync(db => db.ReportSupports.CountAsync(s => s.ReportId == id && s.ConfirmedAt != null)));
        var alerting = await app.WithDbAsync(db => db.AreaAlerts.Where(a => a.ConfirmedAt != null).Select(a => a.Email).ToListAsync());
        Assert.Equal([senders[2].Email], alerting);

        // The operator's next note reaches the follower who is not blocked, and no blocked one.
        using var note = await app.Client.SubmitLinkFormAsync(ReportLifeByEmailTests.ActionPath(toOperator, "note"), ("text", "Crew booked for Monday."));
        Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        await sink.WaitForAsync(m => m.To == senders[2].Email && m.Text.Contains("Crew booked for Monday.", StringComparison.Ordinal), "the follower's update");
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ReportId == id && m.Kind == MailKind.SubscriberUpdate
            && (m.ToAddress == senders[0].Email || m.ToAddress == senders[1].Email))));
        Assert.Contains("1 person has reported this too.", await app.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);
    }

    private static string Message(string html) => MessageText().Match(html).Groups[1].Value;

    [GeneratedRegex("<p data-testid=\"message\">([^<]*)</p>")]
    private static partial Regex MessageText();
}
