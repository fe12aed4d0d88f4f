using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FixIt.Application.Features.FollowUp.SendQuestionnaires;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.FollowUp;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Localization;

/// <summary>
/// A resident's emails are written in the language they reported or followed in, kept with the report or subscription,
/// whoever or whatever sends them later (an operator's answer, the questionnaire job); operators' emails stay English.
/// </summary>
public sealed class ResidentLanguageTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_welsh_reporter_gets_welsh_emails_an_english_follower_and_the_operator_english_ones(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, fakeClock: true);
        using var welsh = WelshClient(app, acceptLanguage: "cy-GB, cy;q=0.9, en;q=0.5");
        var reporter = MailApps.UniqueEmail("gwen");
        var body = ReportRequests.Valid("Golau stryd wedi diffodd");
        body["reporterEmail"] = reporter;
        var id = (await welsh.SubmitAsync(body)).GetProperty("id").GetInt32();
        Assert.Equal("cy", await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Language).SingleAsync()));

        var confirmation = await sink.WaitForAsync(m => m.To == reporter, "the confirmation email");
        Assert.Equal("Cadarnhewch eich adroddiad: Golau stryd wedi diffodd", confirmation.Subject);
        Assert.Contains("Helo Ada Resident,", confirmation.Text, StringComparison.Ordinal);
        Assert.Contains("Diolch am roi gwybod am \"Golau stryd wedi diffodd\" (Street lighting)", confirmation.Text, StringComparison.Ordinal);
        Assert.Contains("Mae'r ddolen gadarnhau yn gweithio am 14 diwrnod.", confirmation.Text, StringComparison.Ordinal);

        // Confirmed from an English page: the stored language, not the confirming request's, writes what follows.
        (await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "confirm/"))).Dispose();
        var toOperator = await sink.WaitForAsync(m => m.To == FollowUpFlow.Council && m.Subject == $"[FixIt #{id}] Street lighting: Golau stryd wedi diffodd",
            "the operator email");
        Assert.Contains("A resident has reported a problem for Demo City Council.", toOperator.Text, StringComparison.Ordinal);
        Assert.Contains("The resident's description:", toOperator.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Helo", toOperator.Text, StringComparison.Ordinal);
        var sent = await sink.WaitForAsync(m => m.To == reporter && m.Subject == $"[FixIt #{id}] Anfonwyd at Demo City Council: Golau stryd wedi diffodd",
            "the sent notice");
        Assert.Contains("Mae eich adroddiad wedi'i anfon at Demo City Council.", sent.Text, StringComparison.Ordinal);

        var follower = MailApps.UniqueEmail("follower");
        (await app.Client.SubmitFormAsync($"reports/{id}", $"reports/{id}/subscribe", ("email", follower))).Dispose();
        var subscribe = await sink.WaitForAsync(m => m.To == follower, "the follower's confirmation");
        Assert.StartsWith("Confirm: updates on", subscribe.Subject, StringComparison.Ordinal);
        (await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(subscribe, "subscribe/"))).Dispose();

        using (var fixedByOperator = await app.Client.SubmitLinkFormAsync(ReportLifeByEmailTests.ActionPath(toOperator, "fixed"), ("text", "Bulb changed.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, fixedByOperator.StatusCode);
        }

        var update = await sink.WaitForAsync(m => m.To == reporter && m.Subject == $"[FixIt #{id}] Diweddariad: Golau stryd wedi diffodd", "the reporter's update");
        Assert.Contains("Newidiodd Demo City Council y statws i Wedi'i drwsio.", update.Text, StringComparison.Ordinal);
        Assert.Contains("Bulb changed.", update.Text, StringComparison.Ordinal);
        Assert.Contains("Heb ei drwsio o hyd?", update.Text, StringComparison.Ordinal);
        var followerUpdate = await sink.WaitForAsync(m => m.To == follower && m.Subject.Contains("Update:", StringComparison.Ordinal), "the follower's update");
        Assert.Contains("Demo City Council set the status to Fixed.", followerUpdate.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Newidiodd", followerUpdate.Text, StringComparison.Ordinal);

        // The questionnaire job runs on no request at all, in the thread's (English) culture.
        app.Clock!.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(1));
        await app.RunJobAsync(new SendQuestionnairesCommand());
        Assert.Equal(1, await FollowUpFlow.CountAsync(app, id, MailKind.ReporterQuestionnaire));
        var questionnaire = await sink.WaitForAsync(m => m.To == reporter && m.Subject.Contains("Ydy hi wedi'i thrwsio?", StringComparison.Ordinal),
            "the questionnaire");
        Assert.Contains("Mae Demo City Council wedi nodi ei bod wedi'i thrwsio.", questionnaire.Text, StringComparison.Ordinal);
        Assert.Contains("Mae'r ddolen yn gweithio unwaith, am 90 diwrnod.", questionnaire.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_report_from_the_web_form_with_the_welsh_cookie_gets_a_welsh_confirmation(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, fakeClock: true);
        using var welsh = WelshClient(app, cookie: true);
        var reporter = MailApps.UniqueEmail("cookie");
        using var submitted = await welsh.SubmitFormAsync("?lat=53.8&lon=-1.55", "reports", ("category", "street-lighting"), ("title", "Twll yn y ffordd"),
            ("description", "Twll mawr ger y siop."), ("lat", "53.8"), ("lon", "-1.55"), ("name", "Gwen"), ("email", reporter));
        Assert.True(submitted.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, await submitted.Content.ReadAsStringAsync());

        var confirmation = await sink.WaitForAsync(m => m.To == reporter, "the confirmation email");
        Assert.Equal("Cadarnhewch eich adroddiad: Twll yn y ffordd", confirmation.Subject);
        Assert.Contains("Cadarnhewch yr adroddiad drwy agor y ddolen hon", confirmation.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task An_update_link_asked_for_in_welsh_is_emailed_in_welsh_and_the_link_keeps_the_language(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, fakeClock: true);
        var reporter = MailApps.UniqueEmail("rhys");
        var (id, _) = await FollowUpFlow.SentReportAsync(app, sink, reporter, "Lamp out on Heol y Frenhines");
        Assert.Equal("en", await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Language).SingleAsync()));

        // The report was made in English; its reporter asks for the update link from a Welsh page.
        using var welsh = WelshClient(app, cookie: true);
        using (var asked = await welsh.SubmitFormAsync($"reports/{id}", $"reports/{id}/update-link", ("email", reporter)))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        }

        var link = await sink.WaitForAsync(m => m.To == reporter && m.Subject.StartsWith($"[FixIt #{id}] Ychwanegwch eich diweddariad", StringComparison.Ordinal),
            "the Welsh update link");
        Assert.Equal($"[FixIt #{id}] Ychwanegwch eich diweddariad: Lamp out on Heol y Frenhines", link.Subject);
        Assert.Contains("Ysgrifennwch eich diweddariad (ac ychwanegu hyd at 3 llun) drwy'r ddolen hon:", link.Text, StringComparison.Ordinal);
        Assert.Equal("cy", await AskedLanguagesAsync(app, id));

        // The same address from an English page: English, and the report's own language is untouched.
        using (var asked = await app.Client.SubmitFormAsync($"reports/{id}", $"reports/{id}/update-link", ("email", reporter)))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        }

        var english = await sink.WaitForAsync(m => m.To == reporter && m.Subject == $"[FixIt #{id}] Add your update: Lamp out on Heol y Frenhines", "the English update link");
        Assert.Contains("Write your update", english.Text, StringComparison.Ordinal);
        Assert.Equal("cy,en", await AskedLanguagesAsync(app, id));
        Assert.Equal("en", await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Language).SingleAsync()));

        // The Welsh link works like any other.
        Assert.Equal(HttpStatusCode.OK, (await welsh.GetAsync(MailApps.LinkPath(link, "update/"))).StatusCode);
    }

    // The languages stored with the update links residents asked for (oldest first); links FixIt sends unasked have none.
    private static async Task<string> AskedLanguagesAsync(FixItApp app, int id) => string.Join(",", await app.WithDbAsync(db => db.AccessTokens
        .Where(t => t.ReportId == id && t.Purpose == TokenPurpose.Update && t.Language != null).OrderBy(t => t.Id).Select(t => t.Language).ToListAsync()));

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_validation_error_in_welsh_keeps_the_api_field_name(DatabaseProvider provider)
    {
        await using var app = await FixItApp.StartAsync(provider);
        using var welsh = WelshClient(app, acceptLanguage: "cy");
        var body = ReportRequests.Valid("Dim lledred");
        body["title"] = "";
        body["latitude"] = 123.0;

        using var response = await welsh.PostAsJsonAsync("api/reports", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        // FluentValidation's own message (its Welsh), and FixIt's (from FixIt's resources).
        Assert.Contains("Ni ddylai 'Teitl' fod yn wag.", errors.GetProperty("title")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Rhaid i'r lledred fod yn rhif rhwng -90 a 90.", errors.GetProperty("latitude")[0].GetString());

        // The same request in English is unchanged.
        using var english = await app.Client.PostAsJsonAsync("api/reports", body);
        var englishErrors = JsonDocument.Parse(await english.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal("Latitude must be a number between -90 and 90.", englishErrors.GetProperty("latitude")[0].GetString());
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Open311_errors_are_described_in_welsh_when_asked(DatabaseProvider provider)
    {
        await using var app = await FixItApp.StartAsync(provider);
        using var welsh = WelshClient(app, acceptLanguage: "cy");

        using var noKey = await welsh.PostAsync("open311/v2/requests.json", new FormUrlEncodedContent([new("service_code", "street-lighting")]));
        Assert.Equal(HttpStatusCode.Forbidden, noKey.StatusCode);
        Assert.Equal("Mae angen api_key i gyflwyno cais.", Description(await noKey.Content.ReadAsStringAsync()));

        using var badPage = await welsh.GetAsync("open311/v2/requests.json?page=0");
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Equal("page: rhaid iddo fod yn 1 neu fwy.", Description(await badPage.Content.ReadAsStringAsync()));

        using var badDate = await welsh.GetAsync("open311/v2/requests.json?start_date=yesterday");
        Assert.Equal("start_date: rhaid iddo fod yn ddyddiad ac amser W3C fel 2026-11-25T18:00:00Z, nid 'yesterday'.",
            Description(await badDate.Content.ReadAsStringAsync()));

        using var english = await app.Client.GetAsync("open311/v2/requests.json?page=0");
        Assert.Equal("page: must be 1 or more.", Description(await english.Content.ReadAsStringAsync()));
    }

    private static string? Description(string json) => JsonDocument.Parse(json).RootElement[0].GetProperty("description").GetString();

    /// <summary>A browser-like client that asks for Welsh by <c>Accept-Language</c> or by the language switcher's cookie.</summary>
    private static HttpClient WelshClient(FixItApp app, string? acceptLanguage = null, bool cookie = false)
    {
        var client = new HttpClient(new BrowserCookies()) { BaseAddress = app.BaseAddress };
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        }

        if (cookie)
        {
            client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Dcy%7Cuic%3Dcy");
        }

        return client;
    }
}
