using System.Net;
using System.Net.Http.Json;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;

namespace FixIt.IntegrationTests.Security;

/// <summary>The browser-facing headers on every kind of response: pages, API, errors, static files, Open311.</summary>
public sealed class SecurityHeadersTests(SecurityHeadersFixture apps) : IClassFixture<SecurityHeadersFixture>
{
    public static TheoryData<string, HttpStatusCode, string> Responses => new()
    {
        { "", HttpStatusCode.OK, "text/html" },
        { "map", HttpStatusCode.OK, "text/html" },
        { "api/categories", HttpStatusCode.OK, "application/json" },
        { "api/reports/999999", HttpStatusCode.NotFound, "application/problem+json" },
        { "no/such/page", HttpStatusCode.NotFound, "application/problem+json" },
        { "css/site.css", HttpStatusCode.OK, "text/css" },
        { "js/fixit-map.js", HttpStatusCode.OK, "text/javascript" },
        { "open311/v2/services.xml", HttpStatusCode.OK, "text/xml" },
        { "open311/v2/requests.xml?status=nonsense", HttpStatusCode.BadRequest, "text/xml" },
        { "feeds/operators/demo-city-council.atom", HttpStatusCode.OK, "application/atom+xml" },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_carries_the_security_headers(string path, HttpStatusCode status, string mediaType)
    {
        using var response = await apps.Http.Client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        AssertStrictHeaders(response);
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task A_validation_problem_from_the_exception_handler_keeps_the_headers()
    {
        // The exception handler clears the response before writing the problem: the headers must survive that.
        using var response = await apps.Http.Client.PostAsJsonAsync("api/reports", new Dictionary<string, object?> { ["title"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertStrictHeaders(response);
    }

    [Fact]
    public async Task The_policy_allows_the_configured_tile_host_and_nothing_inline()
    {
        using var response = await apps.Http.Client.GetAsync("map");
        var csp = Directives(Header(response, "Content-Security-Policy"));

        Assert.Equal("'self' data: https://*.tiles.example.org", csp["img-src"]);
        Assert.Equal("'self'", csp["script-src"]);
        Assert.Equal("'self'", csp["style-src"]);
        Assert.Equal("'self'", csp["connect-src"]);
        Assert.DoesNotContain(csp.Values, v => v.Contains("unsafe", StringComparison.Ordinal));
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_api_reference_page_may_run_its_inline_start_up_script()
    {
        using var docs = await apps.Http.Client.GetAsync("api/docs/");
        using var api = await apps.Http.Client.GetAsync("api/categories");

        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        var csp = Directives(Header(docs, "Content-Security-Policy"));
        Assert.Equal("'self' 'unsafe-inline'", csp["script-src"]);
        Assert.Equal("'none'", csp["frame-ancestors"]);
        Assert.Equal("'self'", csp["connect-src"]);
        Assert.Equal("'self'", Directives(Header(api, "Content-Security-Policy"))["script-src"]);
    }

    [Theory]
    [InlineData("confirm/not-a-real-token")]
    [InlineData("respond/not-a-real-token/fixed")]
    [InlineData("unsubscribe/not-a-real-token")]
    [InlineData("subscribe/not-a-real-token")]
    [InlineData("open311/v2/tokens/not-a-real-token.json")]
    public async Task Pages_reached_by_a_token_link_send_no_referrer(string path)
    {
        using var response = await apps.Http.Client.GetAsync(path);

        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        AssertStrictHeaders(response);
    }

    [Fact]
    public async Task A_refused_post_to_a_token_link_sends_no_referrer_either()
    {
        using var response = await apps.Http.Client.PostAsync("respond/not-a-real-token/fixed", new FormUrlEncodedContent([]));

        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task Hsts_is_sent_only_for_an_https_site_outside_development()
    {
        using var https = await apps.Https.Client.GetAsync("");
        using var http = await apps.Http.Client.GetAsync("");
        await using var development = await FixItApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["environment"] = "Development",
            ["Site:PublicBaseUrl"] = "https://fixit.example.org",
        });
        using var developmentHttps = await development.Client.GetAsync("");

        Assert.Equal("max-age=31536000", Header(https, "Strict-Transport-Security"));
        Assert.False(http.Headers.Contains("Strict-Transport-Security"));
        Assert.False(developmentHttps.Headers.Contains("Strict-Transport-Security"));
        AssertStrictHeaders(developmentHttps);
    }

    internal static void AssertStrictHeaders(HttpResponseMessage response)
    {
        var csp = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal("'self'", csp["default-src"]);
        Assert.Equal("'none'", csp["frame-ancestors"]);
        Assert.Equal("'self'", csp["base-uri"]);
        Assert.Equal("'self'", csp["form-action"]);
        Assert.Equal("'none'", csp["object-src"]);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Contains("geolocation=(self)", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }

    internal static string Header(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.TryGetValues(name, out var content) ? content : []);

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
}
