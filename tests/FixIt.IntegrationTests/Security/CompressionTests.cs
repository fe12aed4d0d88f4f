using System.Net;

namespace FixIt.IntegrationTests.Security;

/// <summary>
/// What is compressed: static files and the public map data the pages fetch; never a page or an answer that can hold a
/// form token or a link secret (BREACH: a secret's compressed length leaks it when attacker-chosen text sits beside it).
/// </summary>
public sealed class CompressionTests(SecurityHeadersFixture apps) : IClassFixture<SecurityHeadersFixture>
{
    public static TheoryData<string> Compressed => new()
    {
        "css/site.css",
        "api/reports?bbox=-1.60,53.77,-1.48,53.83&limit=1000",
        "api/reports/nearby?lat=53.7997&lon=-1.5492",
        "api/places?q=Park",
        "operators/demo-city-council/areas.geojson",
    };

    public static TheoryData<string> NotCompressed => new()
    {
        "",
        "map",
        "operators/demo-city-council",
        "api/categories",
        "api/reports/999999",
        "open311/v2/services.json",
        "admin/sign-in",
    };

    [Theory]
    [MemberData(nameof(Compressed))]
    public async Task Static_files_and_public_map_data_are_compressed(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
    }

    [Theory]
    [MemberData(nameof(NotCompressed))]
    public async Task Pages_and_other_answers_are_not_compressed(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path);

        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_submission_answer_with_its_private_link_is_not_compressed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/reports")
        {
            Content = new StringContent("""
                { "categoryCode": "pothole", "title": "Deep pothole", "description": "Outside number 4",
                  "latitude": 53.7997, "longitude": -1.5492, "reporterName": "Ada", "reporterEmail": "ada@example.net" }
                """, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        using var response = await apps.Http.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        return await apps.Http.Client.SendAsync(request);
    }
}
