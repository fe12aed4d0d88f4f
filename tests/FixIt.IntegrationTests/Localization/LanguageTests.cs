using System.Globalization;
using System.Net;
using System.Text.Json;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;

namespace FixIt.IntegrationTests.Localization;

/// <summary>The page language: Accept-Language, the switcher's cookie (which wins), English otherwise; the switcher stays on this site.</summary>
[Collection(AppsCollection.Name)]
public sealed class LanguageTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Accept_language_cy_gives_welsh_pages(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = Client(app);

        var home = await GetAsync(client, "/", "cy-GB,cy;q=0.9,en;q=0.5");
        var operators = await GetAsync(client, "/operators", "cy");

        Assert.Contains("<html lang=\"cy\">", home, StringComparison.Ordinal);
        Assert.Contains("<h1>Rhoi gwybod am broblem</h1>", home, StringComparison.Ordinal);
        Assert.Contains("Anfon yr adroddiad", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Send report", home, StringComparison.Ordinal);
        Assert.Contains("Pwy sy’n ateb, a pha mor gyflym", operators, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task An_unsupported_or_missing_language_gives_english(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = Client(app);

        var french = await GetAsync(client, "/", "fr-FR,fr;q=0.9");
        var none = await GetAsync(client, "/", null);

        foreach (var page in new[] { french, none })
        {
            Assert.Contains("<html lang=\"en\">", page, StringComparison.Ordinal);
            Assert.Contains("<h1>Report a problem</h1>", page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task The_switcher_sets_a_cookie_that_wins_over_accept_language(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = Client(app);
        var english = await GetAsync(client, "/map?status=fixed", "en");
        Assert.Contains("href=\"/language?lang=cy&returnUrl=%2Fmap%3Fstatus%3Dfixed\"", english, StringComparison.Ordinal);

        using var switched = await client.GetAsync("/language?lang=cy&returnUrl=%2Fmap%3Fstatus%3Dfixed");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/map?status=fixed", switched.Headers.Location!.OriginalString);
        var cookie = Assert.Single(switched.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(".AspNetCore.Culture=c%3Dcy%7Cuic%3Dcy;", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/map?status=fixed");
        request.Headers.AcceptLanguage.ParseAdd("en");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var response = await client.SendAsync(request);
        var welsh = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("<html lang=\"cy\">", welsh, StringComparison.Ordinal);
        Assert.Contains("<h1>Map o broblemau</h1>", welsh, StringComparison.Ordinal);
        Assert.Contains("<span aria-current=\"true\">Cymraeg</span>", welsh, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task The_switcher_never_sends_the_reader_off_site(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = Client(app);

        foreach (var returnUrl in new[] { "https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", "" })
        {
            using var response = await client.GetAsync($"/language?lang=en&returnUrl={Uri.EscapeDataString(returnUrl)}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", response.Headers.Location!.OriginalString);
        }

        // An unknown language is English, not an error.
        using var unknown = await client.GetAsync("/language?lang=xx&returnUrl=%2F");
        Assert.StartsWith(".AspNetCore.Culture=c%3Den%7Cuic%3Den;", Assert.Single(unknown.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_welsh_report_page_has_welsh_status_words_routing_and_dates(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var id = (await app.Client.SubmitAsync(ReportRequests.Valid("Golau stryd wedi diffodd"))).GetProperty("id").GetInt32();
        await app.ConfirmAsync(id);
        using var client = Client(app);

        var page = await GetAsync(client, $"/reports/{id}", "cy");

        var welsh = CultureInfo.GetCultureInfo("cy");
        var month = welsh.DateTimeFormat.GetMonthName(DateTime.UtcNow.Month);
        Assert.Contains("<strong>Statws:</strong> <span data-testid=\"status\">Ar agor</span>", page, StringComparison.Ordinal);
        Assert.Contains("Demo City Council sy’n delio", page, StringComparison.Ordinal);
        Assert.Contains($" {month} {DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture)}", page, StringComparison.Ordinal);
        Assert.Contains("Ydych chi wedi gweld y broblem hon hefyd?", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task An_unknown_address_answers_in_welsh_for_browsers_apis_and_open311(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = Client(app);

        using var page = await client.SendAsync(Request(HttpMethod.Get, "/dim-tudalen", "cy", "text/html,*/*;q=0.8"));
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"cy\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Heb ei ganfod</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Does dim byd yn y cyfeiriad hwn.", html, StringComparison.Ordinal);

        using var api = await client.SendAsync(Request(HttpMethod.Get, "/api/dim-byd", "cy", "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Heb ei ganfod.", problem.GetProperty("title").GetString());
        Assert.Equal(404, problem.GetProperty("status").GetInt32());

        using var open311 = await client.SendAsync(Request(HttpMethod.Get, "/open311/v2/dim-byd.json", "cy", null));
        Assert.Equal(HttpStatusCode.NotFound, open311.StatusCode);
        var error = JsonDocument.Parse(await open311.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Single();
        Assert.Equal(404, error.GetProperty("code").GetInt32());
        Assert.Equal("Does dim byd yn y cyfeiriad hwn.", error.GetProperty("description").GetString());

        // A method the address does not take: 405 with a page; a HEAD of a missing file: the status, no page.
        using var method = await client.SendAsync(Request(HttpMethod.Delete, "/map", "cy", "text/html"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, method.StatusCode);
        Assert.Contains("Ddim yn bosibl yma", WebUtility.HtmlDecode(await method.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var head = await client.SendAsync(Request(HttpMethod.Head, "/css/no-such.css", "cy", "text/html"));
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Too_many_requests_is_said_in_welsh_with_its_status_and_retry_after(DatabaseProvider provider)
    {
        await using var app = await FixItApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["RateLimits:Submit:PermitLimit"] = "1",
            ["RateLimits:Submit:WindowSeconds"] = "600",
        });
        using var client = Client(app);
        using (var first = await client.SendAsync(Json(ReportRequests.Valid("Golau allan"))))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using var api = await client.SendAsync(Json(ReportRequests.Valid("Golau allan eto")));
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.NotNull(api.Headers.RetryAfter?.Delta);
        var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Gormod o geisiadau.", problem.GetProperty("title").GetString());
        Assert.StartsWith("Gormod o geisiadau o’ch cyfeiriad. Rhowch gynnig arall arni ymhen ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var form = Request(HttpMethod.Post, "/reports", "cy", "text/html");
        form.Content = new FormUrlEncodedContent([new("title", "Golau allan")]);
        using var page = await client.SendAsync(form);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.NotNull(page.Headers.RetryAfter?.Delta);
        Assert.Contains("<html lang=\"cy\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Arhoswch ychydig</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Gormod o ymdrechion o’ch cyfeiriad mewn amser byr. Rhowch gynnig arall arni ymhen ", html, StringComparison.Ordinal);

        using var open311 = Request(HttpMethod.Post, "/open311/v2/requests.json", "cy", null);
        open311.Content = new FormUrlEncodedContent([new("service_code", "pothole")]);
        using var refused = await client.SendAsync(open311);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Single();
        Assert.StartsWith("Gormod o geisiadau o’ch cyfeiriad.", error.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string acceptLanguage, string? accept)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Accept-Language", acceptLanguage);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return request;
    }

    private static HttpRequestMessage Json(Dictionary<string, object?> body)
    {
        var request = Request(HttpMethod.Post, "/api/reports", "cy", "application/json");
        request.Content = System.Net.Http.Json.JsonContent.Create(body);
        return request;
    }

    private static HttpClient Client(FixItApp app) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };

    private static async Task<string> GetAsync(HttpClient client, string path, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
