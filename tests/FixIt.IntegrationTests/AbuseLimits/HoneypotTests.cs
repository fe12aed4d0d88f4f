using System.Net;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.AbuseLimits;

/// <summary>A bot fills in the field people never see: it gets the usual answer, and nothing is stored or sent.</summary>
public sealed class HoneypotTests
{
    private const string Honeypot = "website";

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_report_form_with_the_honeypot_filled_is_thanked_and_dropped(DatabaseProvider provider)
    {
        await using var app = await AbuseApps.StartAsync(provider);
        var home = await app.Client.GetStringAsync("?lat=53.8&lon=-1.55");
        Assert.Matches("<div class=\"hp-field\" aria-hidden=\"true\">\\s*<label for=\"report-website\">[^<]+</label>\\s*"
            + "<input type=\"text\" id=\"report-website\" name=\"website\" value tabindex=\"-1\" autocomplete=\"off\"", home);
        var bot = MailApps.UniqueEmail("bot");
        var person = MailApps.UniqueEmail("person");

        using var trapped = await PostReportFormAsync(app, "Buy cheap watches", bot, "https://spam.example");
        Assert.Equal(HttpStatusCode.OK, trapped.StatusCode);
        Assert.Contains("we have sent you an email with a link to confirm it", await trapped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var genuine = await PostReportFormAsync(app, "Lamp out", person, "");
        Assert.Equal(HttpStatusCode.Redirect, genuine.StatusCode);

        Assert.Equal(0, await app.WithDbAsync(db => db.Reports.CountAsync(r => r.ReporterEmail == bot)));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == bot)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Reports.CountAsync(r => r.ReporterEmail == person)));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == person)));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_subscribe_form_with_the_honeypot_filled_gets_the_same_page_and_nothing_else(DatabaseProvider provider)
    {
        await using var app = await AbuseApps.StartAsync(provider);
        var id = await AbuseApps.PublicReportAsync(app);
        Assert.Contains("id=\"subscribe-website\" name=\"website\" value tabindex=\"-1\" autocomplete=\"off\"",
            await app.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);
        var bot = MailApps.UniqueEmail("bot");
        var person = MailApps.UniqueEmail("person");

        using var trapped = await app.Client.SubmitFormAsync($"reports/{id}", $"reports/{id}/subscribe", ("email", bot), (Honeypot, "http://x.example"));
        using var genuine = await app.Client.SubmitFormAsync($"reports/{id}", $"reports/{id}/subscribe", ("email", person), (Honeypot, ""));

        Assert.Equal(HttpStatusCode.OK, trapped.StatusCode);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        var expected = Message(await genuine.Content.ReadAsStringAsync());
        Assert.Contains("we have sent it an email with a link", expected, StringComparison.Ordinal);
        Assert.Equal(expected, Message(await trapped.Content.ReadAsStringAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.ReportSubscriptions.CountAsync(s => s.Email == bot)));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == bot)));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == person && m.Kind == MailKind.SubscriptionConfirmation)));
    }

    private static async Task<HttpResponseMessage> PostReportFormAsync(FixItApp app, string title, string email, string honeypot)
    {
        var home = await app.Client.GetStringAsync("?lat=53.8&lon=-1.55");
        var token = System.Text.RegularExpressions.Regex.Match(home, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent();
        foreach (var (key, value) in new[]
        {
            ("category", "street-lighting"), ("title", title), ("description", "Out."), ("lat", "53.8"), ("lon", "-1.55"),
            ("name", "Ada"), ("email", email), (Honeypot, honeypot), ("__RequestVerificationToken", token),
        })
        {
            form.Add(new StringContent(value), key);
        }

        return await app.Client.PostAsync("reports", form);
    }

    private static string Message(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<p data-testid=\"message\">([^<]*)</p>").Groups[1].Value;
}
