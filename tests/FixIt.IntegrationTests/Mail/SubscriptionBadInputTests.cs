using System.Net;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Mail;

/// <summary>Bad addresses, forged posts, reports not yet public and dead links: a clear page, nothing stored or confirmed.</summary>
public sealed class SubscriptionBadInputTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Bad_email_shows_the_form_again_with_the_message_and_stores_nothing(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var (id, _) = await ReportSubscriptionTests.PublicReportAsync(app, sink, MailApps.UniqueEmail("ada"));

        using var bad = await ReportSubscriptionTests.SubscribeAsync(app, id, "not an address");
        using var empty = await ReportSubscriptionTests.SubscribeAsync(app, id, "");

        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Email address&#x27; is not a valid email address.", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"not an address\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(0, await SubscriptionsAsync(app, id));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Post_without_the_antiforgery_token_is_refused_and_stores_nothing(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var (id, _) = await ReportSubscriptionTests.PublicReportAsync(app, sink, MailApps.UniqueEmail("ada"));

        using var forged = await app.Client.PostAsync($"reports/{id}/subscribe",
            new FormUrlEncodedContent([new("email", MailApps.UniqueEmail("victim"))]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Form expired", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await SubscriptionsAsync(app, id));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Unconfirmed_report_has_no_form_and_cannot_be_subscribed_to(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var (publicId, _) = await ReportSubscriptionTests.PublicReportAsync(app, sink, MailApps.UniqueEmail("ada"));
        var unconfirmed = await app.Client.SubmitAsync(ReportRequests.Valid("Not confirmed yet"));
        var unconfirmedId = unconfirmed.GetProperty("id").GetInt32();

        var page = await app.Client.GetStringAsync(unconfirmed.SecretPath());
        using var post = await app.Client.SubmitFormAsync($"reports/{publicId}", $"reports/{unconfirmedId}/subscribe", ("email", MailApps.UniqueEmail("sam")));
        using var badEmail = await app.Client.SubmitFormAsync($"reports/{publicId}", $"reports/{unconfirmedId}/subscribe", ("email", "nope"));

        Assert.DoesNotContain("/subscribe", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, badEmail.StatusCode);
        Assert.Equal(0, await SubscriptionsAsync(app, unconfirmedId));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Confirm_link_works_once_and_not_after_it_expires(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, fakeClock: true);
        var (id, _) = await ReportSubscriptionTests.PublicReportAsync(app, sink, MailApps.UniqueEmail("ada"));
        var first = MailApps.UniqueEmail("sam");
        var second = MailApps.UniqueEmail("kim");
        (await ReportSubscriptionTests.SubscribeAsync(app, id, first)).Dispose();
        (await ReportSubscriptionTests.SubscribeAsync(app, id, second)).Dispose();
        var firstPath = MailApps.LinkPath(await sink.WaitForAsync(m => m.To == first, "the first confirmation"), "subscribe/");
        var secondPath = MailApps.LinkPath(await sink.WaitForAsync(m => m.To == second, "the second confirmation"), "subscribe/");
        Assert.NotEqual(firstPath, secondPath);

        // Used: the same form posted twice.
        using var firstForm = await app.Client.GetAsync(firstPath);
        using var used = await app.Client.SubmitLinkFormAsync(firstPath);
        using var reused = await PostAgainAsync(app, firstForm, firstPath);
        using var getUsed = await app.Client.GetAsync(firstPath);
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, reused.StatusCode);
        Assert.Contains("already been used", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, getUsed.StatusCode);

        // Expired: neither the page nor its form works, and the subscription stays unconfirmed.
        using var secondForm = await app.Client.GetAsync(secondPath);
        app.Clock!.Advance(MailApps.PastConfirmLinkLifetime);
        using var getExpired = await app.Client.GetAsync(secondPath);
        using var postExpired = await PostAgainAsync(app, secondForm, secondPath);
        Assert.Equal(HttpStatusCode.Gone, getExpired.StatusCode);
        Assert.Contains("This link has expired.", await getExpired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, postExpired.StatusCode);
        Assert.Equal([first], await app.WithDbAsync(db => db.ReportSubscriptions
            .Where(s => s.ReportId == id && s.ConfirmedAt != null).Select(s => s.Email).ToListAsync()));

        // A tampered link is unknown.
        using var tampered = await app.Client.GetAsync(secondPath[..^1] + (secondPath[^1] == 'A' ? 'B' : 'A'));
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
    }

    private static Task<int> SubscriptionsAsync(FixItApp app, int id) =>
        app.WithDbAsync(db => db.ReportSubscriptions.CountAsync(s => s.ReportId == id));

    private static async Task<HttpResponseMessage> PostAgainAsync(FixItApp app, HttpResponseMessage form, string target)
    {
        var html = await form.Content.ReadAsStringAsync();
        var hidden = System.Text.RegularExpressions.Regex.Match(html, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"");
        Assert.True(hidden.Success, $"No antiforgery field on {target}");
        return await app.Client.PostAsync(target, new FormUrlEncodedContent(
            [new(WebUtility.HtmlDecode(hidden.Groups[1].Value), WebUtility.HtmlDecode(hidden.Groups[2].Value))]));
    }
}
