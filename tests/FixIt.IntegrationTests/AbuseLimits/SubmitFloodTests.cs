using System.Collections.Concurrent;
using System.Net;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.AbuseLimits;

/// <summary>
/// Someone submits report after report naming a victim's address, to make FixIt mail them "Confirm your report":
/// the client is cut off by its rate limit, and the victim's mailbox by its daily cap, whichever comes first.
/// </summary>
public sealed class SubmitFloodTests
{
    private const int ClientLimit = 20;
    private const int MailboxCap = 5;

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Two_hundred_submissions_from_one_client_get_429s_past_its_limit_and_the_victim_at_most_the_cap(DatabaseProvider provider)
    {
        await using var app = await AbuseApps.StartAsync(provider, ("RateLimits:Submit:PermitLimit", $"{ClientLimit}"),
            ("RateLimits:Submit:WindowSeconds", "600"), ("MailboxCaps:ReportConfirmationsPerDay", $"{MailboxCap}"));
        var bystander = "bystander@example.org";
        using (var first = await AbuseApps.SubmitAsync(app, bystander))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        var responses = new ConcurrentBag<HttpResponseMessage>();
        await Parallel.ForEachAsync(AbuseApps.Variants("victim", "example.net", 200), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (email, _) => responses.Add(await AbuseApps.SubmitAsync(app, email)));

        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(ClientLimit - 1, created);
        Assert.Equal(200 - created, refused.Count);
        foreach (var response in refused.Take(5))
        {
            await AbuseApps.AssertTooManyAsync(response);
        }

        // Every accepted report is stored; only the first few confirmations to the one mailbox are queued.
        Assert.Equal(ClientLimit - 1, (await app.WithDbAsync(db => db.Reports.Select(r => r.ReporterEmail).ToListAsync()))
            .Count(e => e.Contains("victim", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(MailboxCap, await AbuseApps.ToMailboxAsync(app, MailKind.ReporterConfirmation, "victim", "example.net"));
        Assert.Equal(1, await AbuseApps.ToMailboxAsync(app, MailKind.ReporterConfirmation, "bystander", "example.org"));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Many_clients_behind_a_trusted_proxy_are_limited_each_and_the_victim_still_gets_at_most_the_cap(DatabaseProvider provider)
    {
        await using var app = await AbuseApps.StartAsync(provider, ("Network:KnownProxies:0", "127.0.0.1"),
            ("RateLimits:Submit:PermitLimit", "5"), ("RateLimits:Submit:WindowSeconds", "600"),
            ("MailboxCaps:ReportConfirmationsPerDay", $"{MailboxCap}"));
        var clients = Enumerable.Range(1, 8).Select(i => $"203.0.113.{i}").ToList();
        var emails = AbuseApps.Variants("target", "example.com", clients.Count * 5).ToList();

        var statuses = new ConcurrentBag<HttpStatusCode>();
        await Parallel.ForEachAsync(Enumerable.Range(0, emails.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            using var response = await AbuseApps.SubmitAsync(app, emails[i], clients[i % clients.Count]);
            statuses.Add(response.StatusCode);
        });

        // Each client is within its own limit, so all 40 are accepted; the mailbox cap is what holds.
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.Equal(MailboxCap, await AbuseApps.ToMailboxAsync(app, MailKind.ReporterConfirmation, "target", "example.com"));

        // One more from a client that used its five is refused.
        using var sixth = await AbuseApps.SubmitAsync(app, "someone@example.com", clients[0]);
        await AbuseApps.AssertTooManyAsync(sixth);
    }

    [Fact]
    public async Task An_IPv6_client_is_limited_by_its_64_prefix()
    {
        await using var app = await AbuseApps.StartAsync(DatabaseProvider.Sqlite, ("Network:KnownProxies:0", "127.0.0.1"),
            ("RateLimits:Submit:PermitLimit", "2"), ("RateLimits:Submit:WindowSeconds", "600"));

        using var a = await AbuseApps.SubmitAsync(app, "one@example.net", "2001:db8:1:2::1");
        using var b = await AbuseApps.SubmitAsync(app, "two@example.net", "2001:db8:1:2:ffff:aaaa:bbbb:cccc");
        using var sameNetwork = await AbuseApps.SubmitAsync(app, "three@example.net", "2001:db8:1:2::99");
        using var otherNetwork = await AbuseApps.SubmitAsync(app, "four@example.net", "2001:db8:1:3::1");

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created], [a.StatusCode, b.StatusCode]);
        await AbuseApps.AssertTooManyAsync(sameNetwork);
        Assert.Equal(HttpStatusCode.Created, otherNetwork.StatusCode);
    }

    [Fact]
    public async Task X_Forwarded_For_is_ignored_unless_a_proxy_is_configured()
    {
        await using var app = await AbuseApps.StartAsync(DatabaseProvider.Sqlite, ("RateLimits:Submit:PermitLimit", "3"),
            ("RateLimits:Submit:WindowSeconds", "600"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++)
        {
            using var response = await AbuseApps.SubmitAsync(app, $"person{i}@example.net", $"198.51.100.{i}");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
    }
}
