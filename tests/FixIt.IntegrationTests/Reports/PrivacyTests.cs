using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Reports;

/// <summary>The reporter's email and phone, and followers' emails, never leave through a public API or page.</summary>
[Collection(AppsCollection.Name)]
public sealed class PrivacyTests(AppsFixture apps)
{
    private const string Email = "very.private.person@example.org";
    private const string Phone = "+44 7700 900123";

    /// <summary>Every public address that shows a report; new public surfaces add themselves here.</summary>
    public static IEnumerable<string> PublicPaths(int id) =>
    [
        $"api/reports/{id}",
        $"reports/{id}",
        "api/categories",
        "",
        $"open311/v2/requests/{id}.json?extensions=true",
        $"open311/v2/requests/{id}.xml?extensions=true",
        $"open311/v2/requests.json?service_request_id={id}&extensions=true",
        "open311/v2/requests.xml?extensions=true",
        $"feeds/reports/{id}.atom",
        "map",
        "operators",
        "operators/demo-city-council",
        "operators/demo-city-council/reports.csv",
        "operators/demo-city-council/reports.geojson",
        "feeds/operators/demo-city-council.atom",
        "api/reports?bbox=-1.60,53.77,-1.48,53.83&status=all",
        "api/reports/nearby?lat=53.7997&lon=-1.5492",
    ];

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task No_public_api_or_page_returns_the_reporters_email_or_phone(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var body = ReportRequests.Valid("Private details test");
        body["reporterEmail"] = Email;
        body["reporterPhone"] = Phone;
        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();

        // Confirmed, so it is in every public list and feed, not only on its own page.
        await app.WithDbAsync(async db =>
        {
            var report = await db.Reports.Include(r => r.Events).SingleAsync(r => r.Id == id);
            report.Confirm(EventSource.EmailLink, DateTimeOffset.UtcNow);

            // Someone following the report: their address is as private as the reporter's.
            var follower = new ReportSubscription(id, "very.private.person.follows@example.org", DateTimeOffset.UtcNow);
            follower.Confirm(DateTimeOffset.UtcNow);
            db.ReportSubscriptions.Add(follower);
            return await db.SaveChangesAsync();
        });

        foreach (var path in PublicPaths(id))
        {
            var text = await app.Client.GetStringAsync(path);
            Assert.DoesNotContain("very.private.person", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("7700 900123", text, StringComparison.Ordinal);
            Assert.DoesNotContain("7700900123", text, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// A reporter who chose to show their name on the report page still appears in Open311 only as "The reporter"
    /// (docs/api.md): other software copies Open311 answers where the resident's choice does not follow.
    /// </summary>
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Open311_updates_never_carry_the_reporters_name_even_when_the_page_shows_it(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var body = ReportRequests.Valid("Named reporter in Open311");
        body["reporterName"] = "Zebedee Quintrell";
        body["showName"] = true;
        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
        await app.WithDbAsync(async db =>
        {
            var report = await db.Reports.Include(r => r.Events).SingleAsync(r => r.Id == id);
            report.Confirm(EventSource.EmailLink, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        // The page shows the name, as the reporter chose.
        Assert.Contains("Zebedee Quintrell", await app.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);
        foreach (var path in new[]
        {
            $"open311/v2/requests/{id}.json?extensions=true",
            $"open311/v2/requests/{id}.xml?extensions=true",
            $"open311/v2/requests.json?service_request_id={id}&extensions=true",
        })
        {
            var text = await app.Client.GetStringAsync(path);
            Assert.DoesNotContain("Zebedee", text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("The reporter", text, StringComparison.Ordinal);
        }
    }
}
