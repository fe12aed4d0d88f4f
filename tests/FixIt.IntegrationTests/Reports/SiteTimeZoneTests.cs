using System.Net;
using System.Text.RegularExpressions;
using FixIt.Domain.Reports;
using FixIt.Domain.Routing;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FixIt.IntegrationTests.Reports;

/// <summary>
/// Site:TimeZone: the operator page's month chart counts local months and says which zone they are in; pages show
/// dates in that zone, named; the default stays UTC; an unknown zone stops the app naming the setting.
/// </summary>
public sealed partial class SiteTimeZoneTests
{
    private static readonly DateTimeOffset Confirmed = new(2026, 3, 31, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task In_Auckland_a_report_of_31_March_noon_UTC_falls_in_April_and_shows_its_local_time(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider, "Pacific/Auckland");
        var (march, april) = await MarchAndAprilAsync(app);
        var id = await InsertAsync(app);

        var page = await app.Client.GetStringAsync("operators/demo-city-council");
        Assert.Contains("Months in Pacific/Auckland time.", page, StringComparison.Ordinal);
        Assert.Equal((march, april + 1), Counts(page));

        var report = await app.Client.GetStringAsync($"reports/{id}");
        Assert.Contains(">1 Apr 2026, 01:00 Pacific/Auckland</time>", report, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task By_default_months_and_dates_are_UTC(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider, zone: null);
        var (march, april) = await MarchAndAprilAsync(app);
        var id = await InsertAsync(app);

        var page = await app.Client.GetStringAsync("operators/demo-city-council");
        Assert.Contains("Months in UTC time.", page, StringComparison.Ordinal);
        Assert.Equal((march + 1, april), Counts(page));

        var report = await app.Client.GetStringAsync($"reports/{id}");
        Assert.Contains(">31 Mar 2026, 12:00 UTC</time>", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_zone_stops_the_app_naming_the_setting()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => FixItApp.StartAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["Site:TimeZone"] = "Mars/Olympus_Mons" }));

        Assert.Contains("Site:TimeZone must be an IANA time zone name", Flatten(failure), StringComparison.Ordinal);
    }

    private static Task<FixItApp> StartAsync(DatabaseProvider provider, string? zone) =>
        FixItApp.StartAsync(provider, zone is null ? null : new Dictionary<string, string?> { ["Site:TimeZone"] = zone },
            services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 5, 15, 0, 0, 0, TimeSpan.Zero))));

    private static async Task<(int March, int April)> MarchAndAprilAsync(FixItApp app)
    {
        using var response = await app.Client.GetAsync("operators/demo-city-council");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Counts(await response.Content.ReadAsStringAsync());
    }

    private static (int March, int April) Counts(string page) => (Published(page, "Mar 2026"), Published(page, "Apr 2026"));

    private static int Published(string page, string month)
    {
        var match = MonthRow().Matches(page).Single(m => m.Groups[1].Value == month);
        return int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<int> InsertAsync(FixItApp app) => app.WithDbAsync(async db =>
    {
        var categoryId = await db.Categories.Where(c => c.Code == "pothole").Select(c => c.Id).SingleAsync();
        var operatorId = await db.Operators.Where(o => o.Slug == "demo-city-council").Select(o => o.Id).SingleAsync();
        var report = Report.Submit(
            new NewReport(categoryId, "Time zone test", "Reported on the last day of March, UTC.", 53.80, -1.55,
                "Private Person", "private.person@example.org", null, false, EventSource.Web),
            new RoutingDecision(operatorId, null, "Demo City Council (test)", []), Confirmed);
        report.Confirm(EventSource.EmailLink, Confirmed);
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    });

    private static string Flatten(Exception ex) => ex.InnerException is null ? ex.Message : ex.Message + " " + Flatten(ex.InnerException);

    [GeneratedRegex("""<tr><th scope="row">([A-Z][a-z]{2} \d{4})</th><td class="num">(\d+)</td>""")]
    private static partial Regex MonthRow();
}
