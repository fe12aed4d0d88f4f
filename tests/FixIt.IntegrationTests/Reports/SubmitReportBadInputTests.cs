using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Reports;

/// <summary>Each rejected input names its field, and nothing is stored.</summary>
[Collection(AppsCollection.Name)]
public sealed class SubmitReportBadInputTests(AppsFixture apps)
{
    public static TheoryData<DatabaseProvider, string, object?, string> BadFields()
    {
        var data = new TheoryData<DatabaseProvider, string, object?, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
        {
            data.Add(provider, "latitude", 90.0001, "latitude");
            data.Add(provider, "latitude", -91, "latitude");
            data.Add(provider, "longitude", 180.5, "longitude");
            data.Add(provider, "longitude", -200, "longitude");
            data.Add(provider, "latitude", null, "latitude");
            data.Add(provider, "title", "", "title");
            data.Add(provider, "title", "   ", "title");
            data.Add(provider, "title", null, "title");
            data.Add(provider, "title", new string('x', 121), "title");
            data.Add(provider, "title", "Line one\r\nBcc: victim@example.com", "title");
            data.Add(provider, "description", new string('y', 4001), "description");
            data.Add(provider, "description", "", "description");
            data.Add(provider, "categoryCode", "no-such-category", "categoryCode");
            data.Add(provider, "categoryCode", "", "categoryCode");
            data.Add(provider, "reporterEmail", "not-an-email", "reporterEmail");
            data.Add(provider, "reporterEmail", "a@b", "reporterEmail");
            data.Add(provider, "reporterEmail", "Ada <ada@example.net>", "reporterEmail");
            data.Add(provider, "reporterName", "", "reporterName");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Bad_field_is_rejected_naming_the_field_and_nothing_is_stored(DatabaseProvider provider, string field, object? value, string expectedError)
    {
        var app = await apps.GetAsync(provider);
        var body = ReportRequests.Valid();
        body[field] = value;
        var before = await CountAsync(app);

        using var response = await app.Client.PostAsJsonAsync("api/reports", body);

        await AssertRejectedAsync(response, HttpStatusCode.BadRequest, expectedError);
        Assert.Equal(before, await CountAsync(app));
    }

    public static TheoryData<DatabaseProvider, string, string> MalformedBodies()
    {
        var data = new TheoryData<DatabaseProvider, string, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
        {
            data.Add(provider, """{"categoryCode":"pothole","title":"x","latitude":NaN}""", "latitude");
            data.Add(provider, """{"categoryCode":"pothole","title":"x","latitude":"NaN"}""", "latitude");
            data.Add(provider, """{"categoryCode":"pothole","title":"x","longitude":"Infinity"}""", "longitude");
            data.Add(provider, """{"categoryCode":"pothole","title":"x","longitude":1e999}""", "longitude");
            data.Add(provider, """{"categoryCode":"pothole","title": """, "title");
            data.Add(provider, """not json at all""", "body");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_json_and_non_finite_numbers_are_rejected(DatabaseProvider provider, string json, string expectedError)
    {
        var app = await apps.GetAsync(provider);
        var before = await CountAsync(app);

        using var response = await app.Client.PostAsync("api/reports", SubmitReportTests.Json(json));

        await AssertRejectedAsync(response, HttpStatusCode.BadRequest, expectedError);
        Assert.Equal(before, await CountAsync(app));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Body_over_the_size_limit_is_refused(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var body = ReportRequests.Valid();
        body["description"] = new string('z', (int)ReportsEndpoints.MaxReportBodyBytes);
        var before = await CountAsync(app);

        using var response = await app.Client.PostAsJsonAsync("api/reports", body);

        await AssertRejectedAsync(response, HttpStatusCode.RequestEntityTooLarge, "body");
        Assert.Equal(before, await CountAsync(app));
    }

    private static Task<int> CountAsync(FixItApp app) => app.WithDbAsync(db => db.Reports.CountAsync());

    private static async Task AssertRejectedAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"Expected an error for '{field}' in {errors}");
    }
}
