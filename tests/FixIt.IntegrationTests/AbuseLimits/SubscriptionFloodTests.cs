using System.Collections.Concurrent;
using System.Net;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.AbuseLimits;

/// <summary>"Email me updates" on report after report for a victim's address (and its +tag variants).</summary>
public sealed class SubscriptionFloodTests
{
    private const int MailboxCap = 3;
    private const int ClientLimit = 30;

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Subscribing_a_victim_to_many_reports_sends_at_most_the_cap_and_the_client_is_cut_off(DatabaseProvider provider)
    {
        await using var app = await AbuseApps.StartAsync(provider, ("MailboxCaps:SubscriptionConfirmationsPerDay", $"{MailboxCap}"),
            ("RateLimits:Subscribe:PermitLimit", $"{ClientLimit}"), ("RateLimits:Subscribe:WindowSeconds", "600"));
        var reports = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            reports.Add(await AbuseApps.PublicReportAsync(app));
        }

        // One page view first, so the parallel requests share one antiforgery cookie as a browser's tabs would.
        (await app.Client.GetAsync($"reports/{reports[0]}")).Dispose();
        var emails = AbuseApps.Variants("victim", "example.net", 40).ToList();
        var answers = new ConcurrentBag<(HttpStatusCode Status, string Body)>();
        await Parallel.ForEachAsync(Enumerable.Range(0, emails.Count), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (i, ct) =>
        {
            using var response = await ReportSubscriptionTests.SubscribeAsync(app, reports[i % reports.Count], emails[i]);
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(ct)));
        });

        // Past the cap the answer is still "check your email": the asker cannot tell a capped address from any other.
        var accepted = answers.Where(a => a.Status == HttpStatusCode.OK).ToList();
        Assert.Equal(ClientLimit, accepted.Count);
        Assert.All(accepted, a => Assert.Contains("Check your email", a.Body, StringComparison.Ordinal));
        Assert.Equal(emails.Count - ClientLimit, answers.Count(a => a.Status == HttpStatusCode.TooManyRequests));
        Assert.Equal(ClientLimit, await app.WithDbAsync(db => db.ReportSubscriptions.CountAsync(s => s.Email.Contains("victim"))));
        Assert.Equal(MailboxCap, await AbuseApps.ToMailboxAsync(app, MailKind.SubscriptionConfirmation, "victim", "example.net"));

        // The client has used its budget: any address is refused now.
        using var other = await ReportSubscriptionTests.SubscribeAsync(app, reports[0], "neighbour@example.net");
        Assert.Equal(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Another_mailbox_still_gets_its_confirmation_once_the_victims_cap_is_used(DatabaseProvider provider)
    {
        await using var app = await AbuseApps.StartAsync(provider, ("MailboxCaps:SubscriptionConfirmationsPerDay", "1"));
        var id = await AbuseApps.PublicReportAsync(app);

        foreach (var email in new[] { "victim@example.net", "Victim+2@example.net", "neighbour@example.net" })
        {
            using var response = await ReportSubscriptionTests.SubscribeAsync(app, id, email);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, await AbuseApps.ToMailboxAsync(app, MailKind.SubscriptionConfirmation, "victim", "example.net"));
        Assert.Equal(1, await AbuseApps.ToMailboxAsync(app, MailKind.SubscriptionConfirmation, "neighbour", "example.net"));
    }
}
