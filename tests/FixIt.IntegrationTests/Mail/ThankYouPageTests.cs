using System.Net;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Unconfirmed;

namespace FixIt.IntegrationTests.Mail;

/// <summary>What the reporter sees right after confirming from the emailed link.</summary>
public sealed class ThankYouPageTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Confirming_opens_a_thank_you_with_what_happens_next_and_the_operators_target(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var reporter = MailApps.UniqueEmail("ada");
        var body = ReportRequests.Valid("Lamp out by the park");
        body["reporterEmail"] = reporter;
        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
        var confirmation = await sink.WaitForAsync(m => m.To == reporter, "the confirmation email");

        using var confirmed = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "confirm/"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal($"/reports/{id}", confirmed.Headers.Location!.OriginalString);

        var page = WebUtility.HtmlDecode(await app.Client.GetStringAsync(confirmed.Headers.Location.OriginalString));
        Assert.Contains("Thank you: your report is confirmed", page, StringComparison.Ordinal);
        Assert.Contains("What happens next", page, StringComparison.Ordinal);
        Assert.Contains("Demo City Council aims to answer within 3 days: expect an answer by", page, StringComparison.Ordinal);
        Assert.Contains("Demo City Council handles all problems in Demo City.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("× any category", page, StringComparison.Ordinal);

        // Once only: the page again, and the report as anyone else opens it, have no thank-you, whatever the query says.
        Assert.DoesNotContain("Thank you: your report is confirmed", await app.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);
        Assert.DoesNotContain("Thank you: your report is confirmed", await app.Client.GetStringAsync($"reports/{id}?confirmed=1"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_typed_confirmed_or_submitted_query_shows_no_thank_you_on_any_report(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var (id, _) = await ReportSubscriptionTests.PublicReportAsync(app, sink, MailApps.UniqueEmail("ada"));
        await OutsideFixes.ClosedReportSupportTests.MoveAsync(app, id, FixIt.Domain.Reports.ReportStatus.Fixed);
        using var stranger = new CookieBrowser(app.BaseAddress);

        using var typed = await stranger.GetAsync($"reports/{id}?confirmed=1&submitted=1");
        var page = WebUtility.HtmlDecode(await typed.Content.ReadAsStringAsync());
        Assert.Contains("Status:", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Thank you: your report is confirmed", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Thank you. Your report is saved", page, StringComparison.Ordinal);

        // A forged notice cookie shows nothing either.
        stranger.SetCookie("fixit-notice", "Confirmed:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":9999999999");
        using var forged = await stranger.GetAsync($"reports/{id}");
        Assert.DoesNotContain("Thank you: your report is confirmed", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
