using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using FixIt.IntegrationTests.Moderation;
using FixIt.IntegrationTests.Open311;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Localization;

/// <summary>
/// The resident and API surfaces a Welsh reader meets outside the pages' own words: the web form's and flag form's errors,
/// the names of fields inside messages, the JSON API's problem details, Open311's errors and notices, and the Atom feeds.
/// Field keys and Open311 parameter names stay as the API defines them; English readers see what they always did.
/// </summary>
[Collection(Open311Collection.Name)]
public sealed class Language2Tests(Open311Fixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task The_web_report_form_and_the_flag_form_say_their_errors_in_welsh(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var welsh = Welsh(app);

        using var form = await welsh.SubmitFormAsync("?lat=53.8&lon=-1.55", "reports", ("category", ""), ("title", ""), ("description", ""),
            ("lat", "abc"), ("lon", ""), ("name", ""), ("email", ""));
        var page = WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync());
        using var badEmail = await welsh.SubmitFormAsync("?lat=53.8&lon=-1.55", "reports", ("category", "street-lighting"), ("title", "Golau"),
            ("description", "Golau wedi diffodd."), ("lat", "53.8"), ("lon", "-1.55"), ("name", "Gwen"), ("email", "nid-cyfeiriad"));
        var emailPage = WebUtility.HtmlDecode(await badEmail.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        foreach (var expected in new[]
        {
            "Dewiswch pa fath o broblem yw hi.", "Rhowch deitl i’r adroddiad.", "Disgrifiwch y broblem yn y blwch Manylion.",
            "Rhaid i 'Lledred' fod yn rhif mewn graddau, fel 53.8008.", "Rhowch yr hydred, neu rhowch y pin ar y map.", "Rhowch eich enw.",
            "Rhowch eich cyfeiriad e-bost, er mwyn i ni anfon y ddolen atoch i gadarnhau’r adroddiad.",
        })
        {
            Assert.Contains(expected, page, StringComparison.Ordinal);
        }

        foreach (var english in new[] { "Give the report a title.", "Describe the problem", "must be a number in degrees", "Enter the longitude", "Enter your name." })
        {
            Assert.DoesNotContain(english, page, StringComparison.Ordinal);
        }

        Assert.Contains("Nid yw 'Eich e-bost' yn gyfeiriad e-bost dilys.", emailPage, StringComparison.Ordinal);
        Assert.DoesNotContain("'Your email'", emailPage, StringComparison.Ordinal);

        var id = await FlagFlow.PublicReportAsync(app);
        using var flag = await welsh.SubmitFormAsync($"reports/{id}/flag", $"reports/{id}/flag", ("details", ""));
        var flagPage = WebUtility.HtmlDecode(await flag.Content.ReadAsStringAsync());
        Assert.Contains("Dewiswch pam na ddylai hwn fod ar y wefan.", flagPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Choose why this should not be on the site.", flagPage, StringComparison.Ordinal);

        // English is unchanged.
        using var englishForm = await app.Client.SubmitFormAsync("?lat=53.8&lon=-1.55", "reports", ("category", ""), ("title", ""), ("description", ""),
            ("lat", "abc"), ("lon", ""), ("name", ""), ("email", ""));
        var englishPage = WebUtility.HtmlDecode(await englishForm.Content.ReadAsStringAsync());
        Assert.Contains("Give the report a title.", englishPage, StringComparison.Ordinal);
        Assert.Contains("'Latitude' must be a number in degrees, such as 53.8008.", englishPage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Welsh_messages_name_fields_in_welsh_but_keep_the_api_keys_and_open311_parameters(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var welsh = Welsh(app);
        var id = await FlagFlow.PublicReportAsync(app);

        using var subscribe = await welsh.SubmitFormAsync($"reports/{id}", $"reports/{id}/subscribe", ("email", "nid-cyfeiriad"));
        var subscribePage = WebUtility.HtmlDecode(await subscribe.Content.ReadAsStringAsync());
        Assert.Contains("Nid yw 'Cyfeiriad e-bost' yn gyfeiriad e-bost dilys.", subscribePage, StringComparison.Ordinal);
        Assert.DoesNotContain("'Email address'", subscribePage, StringComparison.Ordinal);

        var body = ReportRequests.Valid("Dim enw");
        body["title"] = "";
        body["reporterName"] = "";
        using var api = await welsh.PostAsJsonAsync("api/reports", body);
        var errors = JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal("Ni ddylai 'Teitl' fod yn wag.", errors.GetProperty("title")[0].GetString());
        Assert.Equal("Ni ddylai 'Enw'r sawl sy'n rhoi gwybod' fod yn wag.", errors.GetProperty("reporterName")[0].GetString());

        using var open311 = await welsh.PostAsync("open311/v2/requests.json", new FormUrlEncodedContent(Open311Http.ValidForm().With("description", "")));
        Assert.Equal(HttpStatusCode.BadRequest, open311.StatusCode);
        Assert.Contains("description: Ni ddylai 'description' fod yn wag.", Descriptions(await open311.Content.ReadAsStringAsync()));

        using var english = await app.Client.PostAsJsonAsync("api/reports", body);
        var englishErrors = JsonDocument.Parse(await english.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal("'Reporter Name' must not be empty.", englishErrors.GetProperty("reporterName")[0].GetString());
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Open311_and_json_api_errors_and_notices_are_in_welsh(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var welsh = Welsh(app);

        Assert.Equal(["Ni chafwyd hyd i wasanaeth nope."], Descriptions(await GetStringAsync(welsh, "open311/v2/services/nope.json", HttpStatusCode.NotFound)));
        Assert.Equal(["Ni chafwyd hyd i gais abc."], Descriptions(await GetStringAsync(welsh, "open311/v2/requests/abc.json", HttpStatusCode.NotFound)));
        Assert.Equal(["Ni chafwyd hyd i docyn zzz."], Descriptions(await GetStringAsync(welsh, "open311/v2/tokens/zzz.json", HttpStatusCode.NotFound)));
        using var badValue = await welsh.PostAsync("open311/v2/requests.json", new FormUrlEncodedContent(Open311Http.ValidForm().With("attribute[size]", "zzz")));
        Assert.StartsWith("attribute[size]: Nid yw 'zzz' yn un o werthoedd 'size'; defnyddiwch un o:",
            Assert.Single(Descriptions(await badValue.Content.ReadAsStringAsync())), StringComparison.Ordinal);
        using var posted = await welsh.PostAsync("open311/v2/requests.json", new FormUrlEncodedContent(Open311Http.ValidForm("Soffa wrth y gamlas")));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.StartsWith("Diolch.", JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_notice").GetString(),
            StringComparison.Ordinal);

        var body = ReportRequests.Valid("Tipio");
        body["categoryCode"] = "fly-tipping";
        body["attributes"] = new Dictionary<string, object> { ["size"] = "zzz", ["hazardous"] = new[] { "No" } };
        using var invalid = await welsh.PostAsJsonAsync("api/reports", body);
        var problem = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Nid yw’r cais yn ddilys.", problem.GetProperty("title").GetString());
        Assert.StartsWith("Nid yw 'zzz' yn un o werthoedd 'size'", problem.GetProperty("errors").GetProperty("attribute[size]")[0].GetString(), StringComparison.Ordinal);

        var missing = JsonDocument.Parse(await GetStringAsync(welsh, "api/reports/987654", HttpStatusCode.NotFound)).RootElement;
        Assert.Equal("Ni chafwyd hyd i'r adroddiad.", missing.GetProperty("title").GetString());
        Assert.Equal("Ni chafwyd hyd i adroddiad 987654.", missing.GetProperty("detail").GetString());

        using var malformed = await welsh.PostAsync("api/reports", new StringContent("{\"title\": ", Encoding.UTF8, "application/json"));
        var unread = JsonDocument.Parse(await malformed.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("Nid oedd modd darllen y cais.", unread.GetProperty("title").GetString());
        Assert.StartsWith("Mae’r JSON yn wallus yn", unread.GetProperty("errors").EnumerateObject().Single().Value[0].GetString(), StringComparison.Ordinal);

        var places = JsonDocument.Parse(await GetStringAsync(welsh, "api/places?q=", HttpStatusCode.BadRequest)).RootElement;
        Assert.Equal("Rhaid i 'q' fod yn ddechrau enw neu god lle.", places.GetProperty("errors").GetProperty("q")[0].GetString());

        using var alert = await welsh.PostAsJsonAsync("api/alerts", new { email = MailApps.UniqueEmail("rhybudd"), latitude = 53.7997, longitude = -1.5492, radiusMetres = 500 });
        Assert.Equal(HttpStatusCode.Accepted, alert.StatusCode);
        Assert.StartsWith("Os yw’r cyfeiriad yn gywir", (await alert.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString(),
            StringComparison.Ordinal);

        // English is unchanged.
        var englishMissing = JsonDocument.Parse(await GetStringAsync(app.Client, "api/reports/987654", HttpStatusCode.NotFound)).RootElement;
        Assert.Equal("Report not found.", englishMissing.GetProperty("title").GetString());
        Assert.Equal(["Service nope was not found."], Descriptions(await GetStringAsync(app.Client, "open311/v2/services/nope.json", HttpStatusCode.NotFound)));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Welsh_atom_feeds_use_the_pages_words(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var welsh = Welsh(app);
        var id = await FlagFlow.PublicReportAsync(app);
        var slug = await app.WithDbAsync(db => db.Operators.Where(o => db.Reports.Any(r => r.Id == id && r.OperatorId == o.Id)).Select(o => o.Slug).SingleAsync());

        var report = WebUtility.HtmlDecode(await GetStringAsync(welsh, $"feeds/reports/{id}.atom", HttpStatusCode.OK));
        var byOperator = WebUtility.HtmlDecode(await GetStringAsync(welsh, $"feeds/operators/{slug}.atom", HttpStatusCode.OK));
        var english = WebUtility.HtmlDecode(await GetStringAsync(app.Client, $"feeds/reports/{id}.atom", HttpStatusCode.OK));

        Assert.Contains("Yn aros am gadarnhad", report, StringComparison.Ordinal);
        Assert.Contains("Cyfeiriwyd", report, StringComparison.Ordinal);
        Assert.DoesNotContain("Awaiting confirmation", report, StringComparison.Ordinal);
        Assert.DoesNotContain(": Routed", report, StringComparison.Ordinal);
        Assert.DoesNotContain("rule ", report, StringComparison.Ordinal);
        Assert.DoesNotContain("→", report, StringComparison.Ordinal);
        Assert.Contains("Ar agor", byOperator, StringComparison.Ordinal);
        Assert.Contains("Awaiting confirmation", english, StringComparison.Ordinal);
        Assert.Contains(": Routed", english, StringComparison.Ordinal);
    }

    internal static HttpClient Welsh(FixItApp app)
    {
        var client = new HttpClient(new BrowserCookies()) { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Add("Accept-Language", "cy");
        return client;
    }

    private static async Task<string> GetStringAsync(HttpClient client, string path, HttpStatusCode status)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"GET {path}: {(int)response.StatusCode}\n{body}");
        return body;
    }

    private static List<string?> Descriptions(string json) =>
        [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.GetProperty("description").GetString())];
}

/// <summary>"Not ours" is worded in the reader's language on the report page and in the Welsh reporter's update email.</summary>
public sealed class NotOursLanguageTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Not_ours_is_worded_in_the_readers_language(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        using var welsh = Language2Tests.Welsh(app);
        using var admin = await app.AdminClientAsync();
        var reporter = MailApps.UniqueEmail("gwen");
        var body = ReportRequests.Valid("Gwydr y lloches wedi torri");
        body["categoryCode"] = "bus-shelter";
        body["reporterEmail"] = reporter;
        var id = (await welsh.SubmitAsync(body)).GetProperty("id").GetInt32();
        var confirmation = await sink.WaitForAsync(m => m.To == reporter, "the confirmation email");
        (await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "confirm/"))).Dispose();

        var holder = await app.WithDbAsync(db => db.Operators.Where(o => db.Reports.Any(r => r.Id == id && r.OperatorId == o.Id)).Select(o => o.Slug).SingleAsync());
        using (var declined = await admin.PostAsJsonAsync($"api/admin/reports/{id}/decline", new { @operator = holder, reason = "Nid ein un ni" }))
        {
            Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        }

        var update = await sink.WaitForAsync(m => m.To == reporter && m.Text.Contains("Nid ein un ni", StringComparison.Ordinal), "the reporter's update");
        Assert.Contains("Nid ein cyfrifoldeb ni: Nid ein un ni", update.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Not ours", update.Text, StringComparison.Ordinal);

        using var welshPage = await welsh.GetAsync($"reports/{id}");
        var page = WebUtility.HtmlDecode(await welshPage.Content.ReadAsStringAsync());
        Assert.Contains("Nid ein cyfrifoldeb ni: Nid ein un ni", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Not ours", page, StringComparison.Ordinal);
        using var englishPage = await app.Client.GetAsync($"reports/{id}");
        Assert.Contains("Not ours: Nid ein un ni", WebUtility.HtmlDecode(await englishPage.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
