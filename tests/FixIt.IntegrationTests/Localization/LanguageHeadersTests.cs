using System.Net;
using System.Xml.Linq;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;

namespace FixIt.IntegrationTests.Localization;

/// <summary>
/// Caches are told that answers depend on the language: each localised answer (pages, feeds, Open311, JSON) carries
/// <c>Content-Language</c>, the culture it was made in, and <c>Vary: Accept-Language, Cookie</c>, merged with any other
/// <c>Vary</c>; <c>Accept-Language</c> is read by weight.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class LanguageHeadersTests(AppsFixture apps)
{
    private static readonly string[] Paths =
    [
        "",
        "map",
        "operators",
        "operators/demo-city-council",
        "privacy",
        "alerts",
        "feeds/operators/demo-city-council.atom",
        "open311/v2/services.json",
        "open311/v2/requests.json?service_code=no-such-service",
        "api/categories",
        "api/reports?bbox=-1.60,53.77,-1.48,53.83&limit=10",
        "api/places?q=Park",
        "no-such-page",
    ];

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Every_localised_answer_says_its_language_and_varies_by_accept_language_and_cookie(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = Client(app);

        foreach (var path in Paths)
        {
            foreach (var (acceptLanguage, cookie, expected) in new[] { ("cy", null, "cy"), ("en", null, "en"), ("en", "c=cy|uic=cy", "cy"), ((string?)null, (string?)null, "en") })
            {
                using var response = await SendAsync(client, path, acceptLanguage, cookie);
                var what = $"/{path} (Accept-Language {acceptLanguage}, cookie {cookie}) answered {(int)response.StatusCode}";
                Assert.Equal(expected, Assert.Single(response.Content.Headers.ContentLanguage));
                var vary = response.Headers.Vary.ToList();
                Assert.True(vary.Count(v => v.Equals("Accept-Language", StringComparison.OrdinalIgnoreCase)) == 1, $"{what} with Vary: {string.Join(", ", vary)}");
                Assert.True(vary.Count(v => v.Equals("Cookie", StringComparison.OrdinalIgnoreCase)) == 1, $"{what} with Vary: {string.Join(", ", vary)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_compressed_answer_keeps_its_accept_encoding_in_vary(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = Client(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/places?q=Park");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        request.Headers.TryAddWithoutValidation("Accept-Language", "cy");

        using var response = await client.SendAsync(request);

        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Equal(new[] { "Accept-Encoding", "Accept-Language", "Cookie" }, response.Headers.Vary.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Accept_language_is_read_by_weight_and_q_0_refuses(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = Client(app);

        foreach (var (header, expected) in new[]
        {
            ("cy;q=0", "en"),
            ("fr,de,es,cy", "cy"),
            ("fr;q=0.9,de;q=0.8,es;q=0.7,cy;q=0.95", "cy"),
            ("cy;q=0.2,en;q=0.9", "en"),
            (string.Concat(Enumerable.Repeat("fr;q=0.5,", 3_000)) + "cy", "en"),
        })
        {
            using var response = await SendAsync(client, "", header, null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"<html lang=\"{expected}\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(expected, Assert.Single(response.Content.Headers.ContentLanguage));
        }
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_feed_says_its_language_on_its_root(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = Client(app);

        foreach (var language in new[] { "cy", "en" })
        {
            using var response = await SendAsync(client, "feeds/operators/demo-city-council.atom", language, null);
            var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
            Assert.Equal(language, (string?)feed.Attribute(XNamespace.Xml + "lang"));
        }
    }

    private static HttpClient Client(FixItApp app) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string? acceptLanguage, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString(cookie));
        }

        return await client.SendAsync(request);
    }
}
