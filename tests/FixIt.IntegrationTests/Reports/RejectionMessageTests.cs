using System.Net;
using System.Text;
using System.Text.Json;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using FixIt.IntegrationTests.Open311;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Reports;

/// <summary>A request FixIt cannot read is refused with words about the request — the body, the parameter, the field — never the framework's.</summary>
[Collection(Open311Collection.Name)]
public sealed class RejectionMessageTests(Open311Fixture apps)
{
    public static TheoryData<DatabaseProvider, string, string, string> Bodies()
    {
        var data = new TheoryData<DatabaseProvider, string, string, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
        {
            data.Add(provider, "null", "application/json", "must be a JSON object");
            data.Add(provider, "", "application/json", "must be a JSON object");
            data.Add(provider, "[]", "application/json", "must be a JSON object");
            data.Add(provider, "\"x\"", "application/json", "must be a JSON object");
            data.Add(provider, "42", "application/json", "must be a JSON object");
            data.Add(provider, "{\"title\": ", "application/json", "The JSON is malformed");
            data.Add(provider, "{\"title\": \"Lamp\"}", "text/plain", "must be a JSON object sent with Content-Type: application/json");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_json_endpoint_names_the_body_when_it_is_not_a_json_object(DatabaseProvider provider, string body, string contentType, string expected)
    {
        var app = await apps.GetAsync(provider);
        var reports = await app.WithDbAsync(db => db.Reports.CountAsync());
        using var admin = await app.AdminClientAsync();

        foreach (var (client, method, path) in new[] { (app.Client, HttpMethod.Post, "api/reports"), (admin, HttpMethod.Put, "api/admin/categories/not-read") })
        {
            using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType, $"{path}: {(int)response.StatusCode} {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(JsonDocument.Parse(text).RootElement.TryGetProperty("errors", out var errors), text);
            Assert.True(errors.TryGetProperty(body.StartsWith("{\"title\": ", StringComparison.Ordinal) && contentType == "application/json" ? "title" : "body", out var field), text);
            Assert.Contains(expected, field[0].GetString()!, StringComparison.Ordinal);
            foreach (var internals in new[] { "Implicit body", "parameter", "Did you mean", "Command", "System." })
            {
                Assert.DoesNotContain(internals, text, StringComparison.Ordinal);
            }
        }

        Assert.Equal(reports, await app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Open311Fixture.ProvidersAndFormats), MemberType = typeof(Open311Fixture))]
    public async Task Open311_names_the_parameter_the_form_reader_refused(DatabaseProvider provider, string format)
    {
        var app = await apps.GetAsync(provider);
        var form = string.Join("&", Open311Http.ValidForm().Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"))
            .Replace("description=Mattress", "description=x%00Mattress", StringComparison.Ordinal);
        using var content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await app.Client.PostAsync($"open311/v2/requests.{format}", content);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(format == "json" ? "description: &#x27;description&#x27;" : "description: 'description'",
            format == "json" ? System.Text.Encodings.Web.HtmlEncoder.Default.Encode(JsonDocument.Parse(text).RootElement[0].GetProperty("description").GetString()!) : text,
            StringComparison.Ordinal);
        Assert.Contains("(U+0000 at position 2)", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_web_form_says_a_latitude_that_is_not_a_number_must_be_a_number(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var response = await app.Client.SubmitFormAsync("?lat=53.8&lon=-1.55", "reports", ("category", "street-lighting"),
            ("title", "Not a number"), ("description", "Out."), ("lat", "north"), ("lon", "-1.55"), ("name", "Ada"), ("email", "ada@example.net"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("&#x27;Latitude&#x27; must be a number", html, StringComparison.Ordinal);
        Assert.DoesNotContain("must not be empty", html, StringComparison.Ordinal);
    }
}
