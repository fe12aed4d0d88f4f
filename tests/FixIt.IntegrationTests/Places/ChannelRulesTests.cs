using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FixIt.Application.Features.Reports.SubmitReport;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Open311;
using FixIt.IntegrationTests.Unconfirmed;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Places;

/// <summary>An app per provider that refuses reports where no rule covers (Reports:UncoveredPlaces = Refuse), with Open311 on.</summary>
public sealed class RefusingApps : PerProviderApps<FixItApp>
{
    protected override Task<FixItApp> StartAsync(DatabaseProvider provider) =>
        FixItApp.StartAsync(provider, new Dictionary<string, string?>(Open311Fixture.Settings) { ["Reports:UncoveredPlaces"] = "Refuse" });
}

[CollectionDefinition(Name)]
public sealed class RefusingCollection : ICollectionFixture<RefusingApps>
{
    public const string Name = "refusing";
}

/// <summary>A place nobody covers, and a category's required question, on the web form, the JSON API and Open311.</summary>
[Collection(RefusingCollection.Name)]
public sealed partial class ChannelRulesTests(RefusingApps apps)
{
    // Central London: outside the seeded Demo City, so no rule routes anything there.
    private const double UncoveredLatitude = 51.5074;
    private const double UncoveredLongitude = -0.1278;

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task The_json_api_refuses_an_uncovered_place_naming_the_latitude(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var body = ReportRequests.Valid("Lamp out nowhere");
        body["latitude"] = UncoveredLatitude;
        body["longitude"] = UncoveredLongitude;

        using var response = await app.Client.PostAsJsonAsync("api/reports", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(UncoveredPlace.RefusedMessage, errors.GetProperty("latitude")[0].GetString());
        Assert.False(await app.WithDbAsync(db => db.Reports.AnyAsync(r => r.Title == "Lamp out nowhere")));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Open311_refuses_an_uncovered_place_naming_lat(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var form = Open311Http.ValidForm("Sofa dumped nowhere")
            .With("lat", UncoveredLatitude.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("long", UncoveredLongitude.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var text = await app.PostAsync("json", form, HttpStatusCode.BadRequest);

        Assert.Contains("lat", text, StringComparison.Ordinal);
        Assert.Contains("No organisation handles problems at this location", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task The_web_form_says_at_once_that_nobody_covers_the_pin_and_refuses_it_on_submit(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);

        using var browser = new CookieBrowser(app.BaseAddress);

        var form = await (await browser.GetAsync($"?lat={UncoveredLatitude}&lon={UncoveredLongitude}")).Content.ReadAsStringAsync();
        var covered = await (await browser.GetAsync("?lat=53.8&lon=-1.55")).Content.ReadAsStringAsync();
        using var submit = await browser.PostAsync("reports", await WebFormAsync(browser, new()
        {
            ["lat"] = UncoveredLatitude.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["lon"] = UncoveredLongitude.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["category"] = "street-lighting", ["title"] = "Lamp out in the web nowhere", ["description"] = "Out for a week.",
            ["name"] = "Ada Resident", ["email"] = "ada.resident@example.net",
        }));
        var page = await submit.Content.ReadAsStringAsync();

        Assert.Contains("id=\"uncovered\" class=\"notice\" role=\"status\" data-policy=\"Refuse\">", form, StringComparison.Ordinal);
        Assert.Contains(UncoveredPlace.RefusedMessage, form, StringComparison.Ordinal);
        Assert.Contains("id=\"uncovered\" class=\"notice\" role=\"status\" data-policy=\"Refuse\" hidden", covered, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        Assert.Contains($"<a href=\"#lat\">{UncoveredPlace.RefusedMessage}</a>", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_required_question_is_enforced_on_the_json_api_and_its_answers_are_stored(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var body = ReportRequests.Valid("Sofa on the verge");
        body["categoryCode"] = "fly-tipping";

        using var missing = await app.Client.PostAsJsonAsync("api/reports", body);
        body["attributes"] = new Dictionary<string, object> { ["size"] = "car", ["hazardous"] = new[] { "No" } };
        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("is required", errors.GetProperty("attribute[size]")[0].GetString(), StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Reports.SingleAsync(r => r.Id == id));
        Assert.Equal([("size", "car"), ("hazardous", "No")], stored.Attributes.Select(a => (a.Code, a.Value)));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Open311_names_a_missing_required_attribute(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);

        var text = await app.PostAsync("json", Open311Http.ValidForm("Bags by the gate").With("attribute[size]", null), HttpStatusCode.BadRequest);

        Assert.Contains("attribute[size]", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task The_web_form_asks_the_chosen_category_questions_and_enforces_the_required_one(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var fields = new Dictionary<string, string>
        {
            ["lat"] = "53.8", ["lon"] = "-1.55", ["category"] = "fly-tipping", ["title"] = "Mattress by the canal",
            ["description"] = "Dumped overnight.", ["name"] = "Ada Resident", ["email"] = "ada.resident@example.net",
            // Another category's answer is not read.
            ["attribute[street-lighting][size]"] = "lorry",
        };

        using var browser = new CookieBrowser(app.BaseAddress);

        var home = await (await browser.GetAsync("")).Content.ReadAsStringAsync();
        using var refused = await browser.PostAsync("reports", await WebFormAsync(browser, fields));
        var refusedPage = await refused.Content.ReadAsStringAsync();
        fields["attribute[fly-tipping][size]"] = "car";
        using var accepted = await browser.PostAsync("reports", await WebFormAsync(browser, fields));

        Assert.Contains("name=\"attribute[fly-tipping][size]\"", home, StringComparison.Ordinal);
        Assert.Contains("How much has been dumped?", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("href=\"#attr-fly-tipping-size\"", refusedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var stored = await app.WithDbAsync(db => db.Reports.OrderByDescending(r => r.Id).FirstAsync(r => r.Title == "Mattress by the canal"));
        Assert.Equal([("size", "car")], stored.Attributes.Select(a => (a.Code, a.Value)));
    }

    /// <summary>The report form's fields with the antiforgery token of a page this browser just loaded.</summary>
    private static async Task<MultipartFormDataContent> WebFormAsync(CookieBrowser browser, Dictionary<string, string> fields)
    {
        using var home = await browser.GetAsync("?lat=53.8&lon=-1.55");
        var token = Token().Match(await home.Content.ReadAsStringAsync()).Groups[1].Value;
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields.Append(new KeyValuePair<string, string>("__RequestVerificationToken", token)))
        {
            form.Add(new StringContent(value), key);
        }

        return form;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
