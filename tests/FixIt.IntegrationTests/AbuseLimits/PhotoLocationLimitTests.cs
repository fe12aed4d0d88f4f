using System.Net;
using System.Net.Http.Headers;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Reports;

namespace FixIt.IntegrationTests.AbuseLimits;

/// <summary>POST /api/photos/location reads a whole photo for nothing kept: limited per client like the other photo uploads.</summary>
public sealed class PhotoLocationLimitTests
{
    private const int Limit = 3;

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Photos_sent_for_their_location_past_the_limit_get_429(DatabaseProvider provider)
    {
        await using var app = await AbuseApps.StartAsync(provider, ("RateLimits:PhotoLocation:PermitLimit", $"{Limit}"),
            ("RateLimits:PhotoLocation:WindowSeconds", "600"));
        var photo = PhotoTestImages.BlankPng(40, 30);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < Limit; i++)
        {
            using var response = await PostAsync(app, photo);
            answers.Add(response.StatusCode);
        }

        using var refused = await PostAsync(app, photo);

        // A photo without GPS data has no position to offer: 204, until the client's budget is used.
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.NoContent, Limit), answers);
        await AbuseApps.AssertTooManyAsync(refused);
    }

    private static async Task<HttpResponseMessage> PostAsync(FixItApp app, byte[] photo)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "photo", "photo.png");
        return await app.Client.PostAsync("api/photos/location", form);
    }
}
