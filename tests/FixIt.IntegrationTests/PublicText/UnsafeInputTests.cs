using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.InboundMail;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using FixIt.IntegrationTests.Open311;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.PublicText;

/// <summary>
/// Control characters and noncharacters are refused on every channel that can refuse, naming the field and the
/// character, and nothing is stored; an email, which cannot be refused after the fact, is published without them.
/// </summary>
[Collection(PublicTextCollection.Name)]
public sealed partial class UnsafeInputTests(PublicTextFixture apps)
{
    public static TheoryData<DatabaseProvider, int> Cases()
    {
        var data = new TheoryData<DatabaseProvider, int>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
        {
            foreach (var codePoint in new[] { 0x0001, 0xFFFE, 0x001B })
            {
                data.Add(provider, codePoint);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_channel_refuses_the_character_naming_the_field_and_stores_nothing(DatabaseProvider provider, int codePoint)
    {
        var mail = await apps.GetAsync(provider);
        var app = mail.App;
        var c = char.ConvertFromUtf32(codePoint);
        var named = $"(U+{codePoint:X4} at position";
        var reports = await CountReportsAsync(app);

        // JSON API.
        var body = ReportRequests.Valid("Bad characters by API");
        body["description"] = $"Broken{c}light";
        using (var response = await app.Client.PostAsJsonAsync("api/reports", body))
        {
            var errors = await ProblemErrorsAsync(response);
            Assert.Contains(named, errors.GetProperty("description")[0].GetString(), StringComparison.Ordinal);
        }

        // The web form.
        var home = await app.Client.GetStringAsync("?lat=53.8&lon=-1.55");
        using (var form = new MultipartFormDataContent())
        {
            foreach (var (key, value) in new[]
            {
                ("category", "street-lighting"), ("title", $"Lamp{c}out"), ("description", "Out."), ("lat", "53.8"), ("lon", "-1.55"),
                ("name", "Ada"), ("email", "ada@example.net"), ("__RequestVerificationToken", FormToken().Match(home).Groups[1].Value),
            })
            {
                form.Add(new StringContent(value), key);
            }

            using var response = await app.Client.PostAsync("reports", form);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(Html($"Title' contains a character that is not allowed {named}"), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Open311, as an Open311 error naming the parameter.
        var open311 = await app.PostAsync("json", Open311Http.ValidForm($"Mattress{c}dumped"), HttpStatusCode.BadRequest);
        var description = JsonDocument.Parse(open311).RootElement.EnumerateArray().Select(e => e.GetProperty("description").GetString()).ToList();
        Assert.Contains(description, d => d!.StartsWith("description: 'description' contains a character", StringComparison.Ordinal) && d.Contains(named, StringComparison.Ordinal));
        Assert.Equal(reports, await CountReportsAsync(app));

        // The follow form and an operator's note from the email link, on a public report.
        var (id, operatorMail) = await SentAsync(mail, $"Bad characters U+{codePoint:X4}");
        var events = await CountEventsAsync(app, id);
        using (var response = await ReportSubscriptionTests.SubscribeAsync(app, id, $"sam{c}@example.net"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Email address&#x27;", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.ReportSubscriptions.CountAsync(s => s.ReportId == id)));
        using (var response = await app.Client.SubmitLinkFormAsync(ReportLifeByEmailTests.ActionPath(operatorMail, "note"), ("text", $"Crew{c}booked")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(Html($"Text' contains a character that is not allowed {named}"), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The admin API.
        using var admin = await app.AdminClientAsync();
        using (var response = await admin.PostAsJsonAsync($"api/admin/reports/{id}/decline", new { @operator = "demo-city-council", reason = $"Not{c}ours" }))
        {
            Assert.Contains(named, (await ProblemErrorsAsync(response)).GetProperty("reason")[0].GetString(), StringComparison.Ordinal);
        }

        var code = $"bad-{codePoint:x}-{provider.ToString().ToLowerInvariant()}";
        using (var response = await admin.PutAsJsonAsync($"api/admin/categories/{code}", new { name = "Benches", group = "Parks", description = $"Broken{c}bench" }))
        {
            Assert.Contains(named, (await ProblemErrorsAsync(response)).GetProperty("description")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.Categories.CountAsync(x => x.Code == code)));
        Assert.Equal(events, await CountEventsAsync(app, id));
    }

    [Theory]
    [MemberData(nameof(PublicTextFixture.Providers), MemberType = typeof(PublicTextFixture))]
    public async Task A_lone_surrogate_in_json_is_refused_and_stores_nothing(DatabaseProvider provider)
    {
        var app = (await apps.GetAsync(provider)).App;
        var reports = await CountReportsAsync(app);
        var json = JsonSerializer.Serialize(ReportRequests.Valid("Lone surrogate")).Replace("\"The light", "\"\\ud800The light", StringComparison.Ordinal);

        using var response = await app.Client.PostAsync("api/reports", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(reports, await CountReportsAsync(app));
    }

    [Theory]
    [MemberData(nameof(PublicTextFixture.Providers), MemberType = typeof(PublicTextFixture))]
    public async Task An_email_reply_is_published_without_unsafe_characters_and_page_breaks_become_line_breaks(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var (id, operatorMail) = await SentAsync(mail, "Reply with control characters");
        var reply = operatorMail.Message.ReplyTo.Mailboxes.Single().Address;

        using (var client = new SmtpClient())
        {
            await client.ConnectAsync("127.0.0.1", mail.Smtp.Port, SecureSocketOptions.None);
            await client.SendAsync(OperatorReply.To(reply, InboundMailApp.OperatorContact, "Crew\u0001 booked\u000Bfor Tuesday\u000C\uFFFEThanks\u001B.", id));
            await client.DisconnectAsync(true);
        }

        await mail.PageShowingAsync(id, "Thanks.");
        var view = await mail.App.Client.GetJsonAsync($"api/reports/{id}");
        Assert.Equal("Crew booked\nfor Tuesday\nThanks.", view.GetProperty("events").EnumerateArray().Last().GetProperty("text").GetString());
    }

    private static async Task<(int Id, ReceivedMail OperatorMail)> SentAsync(InboundMailApp mail, string title)
    {
        var sent = await mail.SentReportAsync($"{title} {Guid.NewGuid():N}"[..Math.Min(title.Length + 9, 60)]);
        return (sent.Id, sent.OperatorMail);
    }

    private static async Task<JsonElement> ProblemErrorsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("errors").Clone();
    }

    private static string Html(string text) => System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text);

    private static Task<int> CountReportsAsync(FixItApp app) => app.WithDbAsync(db => db.Reports.CountAsync());

    // What a note or a decline would add; the dispatcher's own "sent" entry may still be arriving.
    private static Task<int> CountEventsAsync(FixItApp app, int id) =>
        app.WithDbAsync(db => db.ReportEvents.CountAsync(e => e.ReportId == id && (e.Kind == ReportEventKind.Note || e.Kind == ReportEventKind.Rerouted)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
