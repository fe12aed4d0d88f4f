using System.Globalization;
using System.Net;
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
