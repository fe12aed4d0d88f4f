using System.Net;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;

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
        Assert.Equal($"/reports/{id}?confirmed=1", confirmed.Headers.Location!.OriginalString);

        var page = WebUtility.HtmlDecode(await app.Client.GetStringAsync(confirmed.Headers.Location.OriginalString));
        Assert.Contains("Thank you: your report is confirmed", page, StringComparison.Ordinal);
        Assert.Contains("What happens next", page, StringComparison.Ordinal);
        Assert.Contains("Demo City Council aims to answer within 3 days: expect an answer by", page, StringComparison.Ordinal);
        Assert.Contains("Demo City Council handles all problems in Demo City.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("× any category", page, StringComparison.Ordinal);

        // The plain report page, as anyone else opens it, has no thank-you.
        Assert.DoesNotContain("Thank you: your report is confirmed", await app.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);
    }
}
