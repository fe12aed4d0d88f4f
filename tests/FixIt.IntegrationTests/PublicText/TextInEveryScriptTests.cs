using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FixIt.Domain.Text;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.InboundMail;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using FixIt.IntegrationTests.Open311;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.PublicText;

/// <summary>
/// Length limits count characters as people see them on every channel, and what is stored fits its column on every
/// provider; input is stored in NFC; names shown publicly carry no direction controls; right-to-left scripts stay.
/// </summary>
[Collection(PublicTextCollection.Name)]
public sealed partial class TextInEveryScriptTests(PublicTextFixture apps)
{
    private const string Emoji = "\U0001F600";
    private const string Family = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466";
    private const string Scotland = "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F";

    [Theory]
    [MemberData(nameof(PublicTextFixture.Providers), MemberType = typeof(PublicTextFixture))]
    public async Task Fields_at_their_limit_in_emoji_are_stored_whole_and_one_more_character_is_refused_as_such(DatabaseProvider provider)
    {
        var app = (await apps.GetAsync(provider)).App;
        var title = Repeat(Family, 120);
        var name = Repeat(Scotland, 100);
        var description = Repeat("\U0001F1EF\U0001F1F5", 4000);
        var body = ReportRequests.Valid(title);
        body["reporterName"] = name;
        body["description"] = description;

        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();

        var stored = await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => new { r.Title, r.ReporterName, r.Description }).SingleAsync());
        Assert.Equal((title, name, description), (stored.Title, stored.ReporterName, stored.Description));
        Assert.True(title.Length > 120 * 10, "the title takes more code units than the old column held");

        body["title"] = Repeat(Emoji, 121);
        body["reporterName"] = Repeat("\u05D0", 101);
        using var response = await app.Client.PostAsJsonAsync("api/reports", body);
        var errors = await ProblemErrorsAsync(response);
        Assert.Equal("The length of 'Title' must be 120 characters or fewer. You entered 121 characters.", errors.GetProperty("title")[0].GetString());
        Assert.Equal("The length of 'Reporter Name' must be 100 characters or fewer. You entered 101 characters.", errors.GetProperty("reporterName")[0].GetString());
    }

    [Theory]
    [MemberData(nameof(PublicTextFixture.Providers), MemberType = typeof(PublicTextFixture))]
    public async Task The_web_form_takes_sixty_one_emoji_in_a_title(DatabaseProvider provider)
    {
        var app = (await apps.GetAsync(provider)).App;
        var title = Repeat(Emoji, 61);

        using var response = await PostFormAsync(app, title);

        Assert.NotEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Reports.CountAsync(r => r.Title == title)));
        Assert.Contains($"maxlength=\"{TextLimits.ReportTitle.StorageLength}\"", await app.Client.GetStringAsync(""), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PublicTextFixture.Providers), MemberType = typeof(PublicTextFixture))]
    public async Task An_open311_description_of_emoji_gives_a_title_of_whole_emoji(DatabaseProvider provider)
    {
        var app = (await apps.GetAsync(provider)).App;

        var (seventy, _) = await app.PostValidAsync(Repeat(Emoji, 70));
        var (long_, _) = await app.PostValidAsync(Repeat(Family, 130));

        var titles = await app.WithDbAsync(db => db.Reports.Where(r => r.Id == seventy || r.Id == long_).OrderBy(r => r.Id).Select(r => r.Title).ToListAsync());
        Assert.Equal([Repeat(Emoji, 70), Repeat(Family, 119) + "…"], titles);
        Assert.DoesNotContain(titles, t => t.Contains('\uFFFD', StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PublicTextFixture.Providers), MemberType = typeof(PublicTextFixture))]
    public async Task The_operator_email_subject_of_a_long_emoji_title_is_cut_between_characters(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var title = "Lamp " + Guid.NewGuid().ToString("N")[..8] + " " + Repeat(Family, 100);
        var id = (await mail.App.Client.SubmitAsync(ReportRequests.Valid(title))).GetProperty("id").GetInt32();
        var confirmation = await mail.Sink.WaitForAsync(m => m.To == InboundMailApp.ReporterEmail && m.Subject.Contains(title[..13], StringComparison.Ordinal),
            "the confirmation");
        using (var confirmed = await mail.App.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "confirm/")))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        }

        var toOperator = await mail.Sink.WaitForAsync(m => m.Subject.Contains($" #{id}]", StringComparison.Ordinal) && m.To == InboundMailApp.OperatorContact,
            "the operator email");

        var subject = toOperator.Message.Subject ?? "";
        Assert.True(subject.Length <= 450, $"{subject.Length} code units");
        Assert.DoesNotContain('\uFFFD', subject);
        Assert.EndsWith(Family + "…", subject, StringComparison.Ordinal);
        Assert.Contains(title[..13], subject, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', confirmation.Message.Subject ?? "");
    }

    [Theory]
    [MemberData(nameof(PublicTextFixture.Providers), MemberType = typeof(PublicTextFixture))]
    public async Task Decomposed_input_is_stored_composed_on_every_channel(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var app = mail.App;

        // JSON API: Latin with combining accents, Hangul as jamo.
        var body = ReportRequests.Valid("Cafe\u0301 \u1112\u1161\u11AB\u1100\u1173\u11AF sign");
        body["description"] = "Le panneau est tombe\u0301 pre\u0300s du cafe\u0301.";
        body["reporterName"] = "Zoe\u0308 \u1100\u1161\u11A8";
        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
        var report = await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => new { r.Title, r.Description, r.ReporterName }).SingleAsync());
        Assert.Equal("Caf\u00E9 \uD55C\uAE00 sign", report.Title);
        Assert.Equal("Le panneau est tomb\u00E9 pr\u00E8s du caf\u00E9.", report.Description);
        Assert.Equal("Zo\u00EB \uAC01", report.ReporterName);

        // Open311: the description and the title taken from it, the name.
        var open311 = await app.PostAsync("json", Open311Http.ValidForm("Ve\u0301lo abandonne\u0301\nPre\u0300s du pont")
            .With("first_name", "Rene\u0301").With("last_name", "Lefe\u0300vre"));
        var token = Open311Doc.ListOf("json", open311, "service_requests", "request").Single()["token"]!;
        var posted = await app.WithDbAsync(db => db.Reports.Where(r => r.Open311Token == token).Select(r => new { r.Title, r.Description, r.ReporterName }).SingleAsync());
        Assert.Equal(("V\u00E9lo abandonn\u00E9", "V\u00E9lo abandonn\u00E9\nPr\u00E8s du pont", "Ren\u00E9 Lef\u00E8vre"), (posted.Title, posted.Description, posted.ReporterName));

        // An operator's note from the email link.
        var sent = await mail.SentReportAsync($"Note {Guid.NewGuid():N}"[..20]);
        using (var response = await app.Client.SubmitLinkFormAsync(ReportLifeByEmailTests.ActionPath(sent.OperatorMail, "note"), ("text", "E\u0301quipe pre\u0301vue")))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.ReportEvents.CountAsync(e => e.ReportId == sent.Id && e.PublicText == "\u00C9quipe pr\u00E9vue")));

        // A category named by an admin.
        using var admin = await app.AdminClientAsync();
        var code = $"nfc-{Guid.NewGuid():N}"[..20];
        using (var response = await admin.PutAsJsonAsync($"api/admin/categories/{code}", new { name = "Pe\u0301niche", group = "Canal" }))
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        Assert.Equal("P\u00E9niche", await app.WithDbAsync(db => db.Categories.Where(c => c.Code == code).Select(c => c.Name).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(PublicTextFixture.Providers), MemberType = typeof(PublicTextFixture))]
    public async Task Names_shown_publicly_lose_direction_controls_and_keep_right_to_left_letters(DatabaseProvider provider)
    {
        var app = (await apps.GetAsync(provider)).App;
        var (id, _) = await app.MarkedSentReportAsync($"\u05E4\u05E0\u05E1 \u05DB\u05D1\u05D5\u05D9 {Guid.NewGuid():N}"[..30]);
        var (operatorId, categoryId) = await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id)
            .Select(r => new ValueTuple<int, int>(r.OperatorId!.Value, r.CategoryId)).SingleAsync());

        var areas = await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).SelectMany(r => r.Areas).Select(a => a.AreaId).ToListAsync());
        var areaNames = await app.WithDbAsync(db => db.Areas.Where(a => areas.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name));

        // Rows written before the rule, or by an import that did not check: overrides and isolates in every name.
        const string Operator = "\u202E\u0628\u0644\u062F\u064A\u0629 Demo\u202C";
        const string Area = "\u2067\u05D9\u05E8\u05D5\u05E9\u05DC\u05D9\u05DD\u2069 ward";
        const string Category = "\u202DStreet lighting\u202C";
        await app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"UPDATE \"Operators\" SET \"Name\" = {Operator} WHERE \"Id\" = {operatorId}");
            await db.Database.ExecuteSqlAsync($"UPDATE \"Categories\" SET \"Name\" = {Category} WHERE \"Id\" = {categoryId}");
            await db.Database.ExecuteSqlAsync($"UPDATE \"ReportEvents\" SET \"Actor\" = {"\u202E" + "\u0633\u0627\u0631\u0629"} WHERE \"ReportId\" = {id}");
            foreach (var area in areas)
            {
                await db.Database.ExecuteSqlAsync($"UPDATE \"Areas\" SET \"Name\" = {Area} WHERE \"Id\" = {area}");
            }

            return 0;
        });

        try
        {
            // Read as a browser or a JSON or XML parser would: character references and \u escapes resolved.
            var bodies = (await PublicSurfaces.FetchAsync(app, await PublicSurfaces.PathsShowingAsync(app, id)))
                .Select(b => (b.Path, Body: WebUtility.HtmlDecode(JsonEscape().Replace(b.Body, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString()))))
                .ToList();
            foreach (var (path, text) in bodies)
            {
                Assert.False(DirectionControl().IsMatch(text), $"/{path} holds a direction control.");
            }

            var page = bodies.Single(b => b.Path == $"reports/{id}").Body;
            Assert.Contains("\u0628\u0644\u062F\u064A\u0629 Demo", page, StringComparison.Ordinal);
            Assert.Contains("\u0633\u0627\u0631\u0629", page, StringComparison.Ordinal);
            Assert.Contains(bodies, b => b.Body.Contains("\u05D9\u05E8\u05D5\u05E9\u05DC\u05D9\u05DD ward", StringComparison.Ordinal));
        }
        finally
        {
            // The fixture's app is shared: give the names back.
            await app.WithDbAsync(async db =>
            {
                await db.Database.ExecuteSqlAsync($"UPDATE \"Operators\" SET \"Name\" = {"Demo City Council"} WHERE \"Id\" = {operatorId}");
                await db.Database.ExecuteSqlAsync($"UPDATE \"Categories\" SET \"Name\" = {"Street lighting"} WHERE \"Id\" = {categoryId}");
                foreach (var (area, areaName) in areaNames)
                {
                    await db.Database.ExecuteSqlAsync($"UPDATE \"Areas\" SET \"Name\" = {areaName} WHERE \"Id\" = {area}");
                }

                return 0;
            });
        }
    }

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    private static async Task<HttpResponseMessage> PostFormAsync(FixItApp app, string title)
    {
        var home = await app.Client.GetStringAsync("?lat=53.8&lon=-1.55");
        using var form = new MultipartFormDataContent();
        foreach (var (key, value) in new[]
        {
            ("category", "street-lighting"), ("title", title), ("description", "Out."), ("lat", "53.8"), ("lon", "-1.55"),
            ("name", "Ada"), ("email", "ada@example.net"), ("__RequestVerificationToken", FormToken().Match(home).Groups[1].Value),
        })
        {
            form.Add(new StringContent(value), key);
        }

        return await app.Client.PostAsync("reports", form);
    }

    private static async Task<JsonElement> ProblemErrorsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("errors").Clone();
    }

    [GeneratedRegex(@"\\u([0-9A-Fa-f]{4})")]
    private static partial Regex JsonEscape();

    [GeneratedRegex("[\u202A-\u202E\u2066-\u2069]")]
    private static partial Regex DirectionControl();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
