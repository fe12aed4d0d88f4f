using System.Net;
using FixIt.Application.Common;
using FixIt.Application.Features.Moderation.SendFlagDigest;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.AbuseLimits;
using FixIt.IntegrationTests.FollowUp;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Moderation;

/// <summary>The flag form's rate limits (per client and overall), and the staff digest of new flags.</summary>
public sealed class FlagLimitsAndDigestTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Flags_are_limited_per_client_and_for_all_clients_together(DatabaseProvider provider)
    {
        await using var app = await AbuseApps.StartAsync(provider, ("Network:KnownProxies:0", "127.0.0.1"),
            ("RateLimits:Flag:PermitLimit", "2"), ("RateLimits:Flag:WindowSeconds", "600"),
            ("RateLimits:FlagOverall:PermitLimit", "4"), ("RateLimits:FlagOverall:WindowSeconds", "600"));
        var id = await FlagFlow.PublicReportAsync(app);

        var first = await FlagAsync(app, id, "203.0.113.1");
        var second = await FlagAsync(app, id, "203.0.113.1");
        using (var third = await PostFlagAsync(app, id, "203.0.113.1"))
        {
            await AbuseApps.AssertTooManyPageAsync(third);
        }

        // Others still may (the refused request took nothing from them), until every client together used the overall budget.
        var other = await FlagAsync(app, id, "203.0.113.2");
        var otherAgain = await FlagAsync(app, id, "203.0.113.2");
        using (var fifth = await PostFlagAsync(app, id, "203.0.113.3"))
        {
            await AbuseApps.AssertTooManyPageAsync(fifth);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], [first, second, other, otherAgain]);
        // Each client's flags on one item count once.
        Assert.Equal(2, await app.WithDbAsync(db => db.ReportFlags.CountAsync(f => f.ReportId == id)));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task New_flags_reach_admins_and_moderators_in_one_digest_per_interval(DatabaseProvider provider)
    {
        await using var app = await FixItApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Site:PublicBaseUrl"] = MailApps.PublicBaseUrl,
            ["Flags:DigestInterval"] = "01:00:00",
        }, fakeClock: true);
        var admin = await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true);
        var moderator = await app.CreateStaffAsync(StaffRoles.Moderator);
        var operatorStaff = await app.CreateStaffAsync(StaffRoles.Operator, "demo-city-council");
        var id = await FlagFlow.PublicReportAsync(app);
        var hiddenLater = await FlagFlow.PublicReportAsync(app);
        var later = await FlagFlow.PublicReportAsync(app);

        // Nothing flagged: no digest.
        await app.RunJobAsync(new SendFlagDigestCommand());
        Assert.Empty(await DigestsAsync(app));

        await FlagFlow.FlagAsync(app.Client, id, null, "abusive", "Insults.");
        await FlagFlow.FlagAsync(app.Client, id, await FlagFlow.PublicUpdateAsync(app, id), "spam");
        await app.RunJobAsync(new SendFlagDigestCommand());
        var first = await DigestsAsync(app);
        Assert.Equal(new[] { admin.Email, moderator.Email }.Order(StringComparer.Ordinal), first.Select(m => m.ToAddress).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(first, m => m.ToAddress == operatorStaff.Email);
        var digest = first[0];
        Assert.Contains("2 new flags on 2 items", digest.Subject, StringComparison.Ordinal);
        Assert.Contains($"{MailApps.PublicBaseUrl}/reports/{id}", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{MailApps.PublicBaseUrl}/admin/flags", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("abusive 1", digest.TextBody, StringComparison.Ordinal);
        // The residents' own words stay in the queue, not in email.
        Assert.DoesNotContain("Insults.", digest.TextBody, StringComparison.Ordinal);

        // A new flag within the interval waits; a flag on what was hidden since is left out.
        await FlagFlow.FlagAsync(app.Client, hiddenLater, null, "spam");
        await FlagFlow.FlagAsync(app.Client, later, null, "spam");
        await app.RunJobAsync(new SendFlagDigestCommand());
        Assert.Equal(2, (await DigestsAsync(app)).Count);
        using (var moderatorKey = await Moderator.CreateAsync(app))
        {
            Assert.Equal(HttpStatusCode.OK, (await moderatorKey.PostAsync($"api/admin/reports/{hiddenLater}/hide")).Status);
        }

        app.Clock!.Advance(TimeSpan.FromMinutes(61));
        await app.RunJobAsync(new SendFlagDigestCommand());
        var all = await DigestsAsync(app);
        Assert.Equal(4, all.Count);
        var second = all.Last();
        Assert.Contains("1 new flag on 1 item", second.Subject, StringComparison.Ordinal);
        Assert.Contains($"/reports/{later}", second.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain($"/reports/{hiddenLater}", second.TextBody, StringComparison.Ordinal);

        // Nothing new: nothing sent, however long it has been.
        app.Clock.Advance(TimeSpan.FromHours(5));
        await app.RunJobAsync(new SendFlagDigestCommand());
        Assert.Equal(4, (await DigestsAsync(app)).Count);
    }

    private static Task<List<OutboxMessage>> DigestsAsync(FixItApp app) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == MailKind.FlagDigest).OrderBy(m => m.Id).ToListAsync());

    private static async Task<HttpStatusCode> FlagAsync(FixItApp app, int id, string client)
    {
        using var response = await PostFlagAsync(app, id, client);
        return response.StatusCode;
    }

    private static async Task<HttpResponseMessage> PostFlagAsync(FixItApp app, int id, string client)
    {
        var page = await app.Client.GetStringAsync($"reports/{id}/flag");
        var token = System.Text.RegularExpressions.Regex.Match(page, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"reports/{id}/flag")
        {
            Content = new FormUrlEncodedContent([new(WebUtility.HtmlDecode(token.Groups[1].Value), WebUtility.HtmlDecode(token.Groups[2].Value)), new("reason", "spam")]),
        };
        request.Headers.Add("X-Forwarded-For", client);
        return await app.Client.SendAsync(request);
    }
}
