using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Open311;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.PublicText;

/// <summary>
/// Bidi overrides, embeddings and isolates, line and paragraph separators, and text with nothing visible in it are
/// refused in one-line fields (titles, names) on every channel, naming the field, and nothing is stored.
/// </summary>
[Collection(PublicTextCollection.Name)]
public sealed partial class SingleLineTextTests(PublicTextFixture apps)
{
    public static TheoryData<DatabaseProvider, string, string> Cases()
    {
        var data = new TheoryData<DatabaseProvider, string, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
        {
            data.Add(provider, "Lamp \u202Etuo", "(U+202E at position 6)");
            data.Add(provider, "Lamp\u2028out", "(U+2028 at position 5)");
            data.Add(provider, "Lamp \u2066out\u2069", "(U+2066 at position 6)");
            data.Add(provider, "\u200b\u200b", "has no visible characters");
            data.Add(provider, " \u3164 \u00ad ", "has no visible characters");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_channel_refuses_it_in_a_one_line_field_naming_the_field(DatabaseProvider provider, string text, string named)
    {
        var app = (await apps.GetAsync(provider)).App;
        var reports = await app.WithDbAsync(db => db.Reports.CountAsync());

        // JSON API: the title and the name.
        var body = ReportRequests.Valid();
        body["title"] = text;
        body["reporterName"] = text;
        using (var response = await app.Client.PostAsJsonAsync("api/reports", body))
        {
            var errors = await ProblemErrorsAsync(response);
            Assert.Contains(named, errors.GetProperty("title")[0].GetString(), StringComparison.Ordinal);
            Assert.Contains(named, errors.GetProperty("reporterName")[0].GetString(), StringComparison.Ordinal);
        }

        // The web form.
        var home = await app.Client.GetStringAsync("?lat=53.8&lon=-1.55");
        using (var form = new MultipartFormDataContent())
        {
            foreach (var (key, value) in new[]
            {
                ("category", "street-lighting"), ("title", text), ("description", "Out."), ("lat", "53.8"), ("lon", "-1.55"),
                ("name", "Ada"), ("email", "ada@example.net"), ("__RequestVerificationToken", FormToken().Match(home).Groups[1].Value),
            })
            {
                form.Add(new StringContent(value), key);
            }

            using var response = await app.Client.PostAsync("reports", form);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains(Html("'Title' "), html, StringComparison.Ordinal);
            Assert.Contains(Html(named), html, StringComparison.Ordinal);
        }

        // Open311: the name (first_name and last_name together: an invisible first name beside a visible last name is
        // a name), and a description whose first line (the title) is nothing but invisible characters.
        var open311 = await app.PostAsync("json", Open311Http.ValidForm().With("first_name", text).With("last_name", text), HttpStatusCode.BadRequest);
        Assert.Contains(Descriptions(open311), d => d.StartsWith("first_name: ", StringComparison.Ordinal) && d.Contains(named.Split(" at ")[0], StringComparison.Ordinal));
        var untitled = await app.PostAsync("json", Open311Http.ValidForm("\u200b\u200b\nMattress dumped"), HttpStatusCode.BadRequest);
        Assert.Contains(Descriptions(untitled), d => d.StartsWith("description: ", StringComparison.Ordinal) && d.Contains("has no visible characters", StringComparison.Ordinal));
        Assert.Equal(reports, await app.WithDbAsync(db => db.Reports.CountAsync()));

        // The admin API.
        using var admin = await app.AdminClientAsync();
        var code = $"single-{Guid.NewGuid():N}"[..20];
        using (var response = await admin.PutAsJsonAsync($"api/admin/categories/{code}", new { name = text, group = "Parks" }))
        {
            Assert.Contains(named, (await ProblemErrorsAsync(response)).GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.Categories.CountAsync(x => x.Code == code)));
    }

    [Theory]
    [MemberData(nameof(PublicTextFixture.Providers), MemberType = typeof(PublicTextFixture))]
    public async Task Left_to_right_and_right_to_left_marks_and_scripts_written_right_to_left_are_kept(DatabaseProvider provider)
    {
        var app = (await apps.GetAsync(provider)).App;
        var title = "\u05E4\u05E0\u05E1 \u05DB\u05D1\u05D5\u05D9\u200F (lamp 12)\u200E";
        var submitted = await app.Client.SubmitAsync(ReportRequests.Valid(title));
        var id = submitted.GetProperty("id").GetInt32();
        Assert.Equal(title, await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Title).SingleAsync()));
    }

    private static List<string> Descriptions(string open311) =>
        [.. JsonDocument.Parse(open311).RootElement.EnumerateArray().Select(e => e.GetProperty("description").GetString()!)];

    private static async Task<JsonElement> ProblemErrorsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("errors").Clone();
    }

    private static string Html(string text) => System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
