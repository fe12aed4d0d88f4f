using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Privacy;

/// <summary>"My reports" and the admin people API given what they must refuse or must not tell apart.</summary>
public sealed class MyReportsBadInputTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task An_unknown_address_gets_the_same_answer_and_no_email_and_an_expired_link_opens_nothing(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, fakeClock: true);
        var known = MailApps.UniqueEmail("ada");
        await MyReportsFlowTests.NamedReportAsync(app, sink, known, "Ada Known", "Bench broken in Elm Park");
        var unknown = MailApps.UniqueEmail("nobody");

        using var forKnown = await app.Client.SubmitFormAsync("my", "my", ("email", known));
        using var forUnknown = await app.Client.SubmitFormAsync("my", "my", ("email", unknown));
        Assert.Equal(HttpStatusCode.OK, forKnown.StatusCode);
        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        Assert.Equal(MessageOf(await forKnown.Content.ReadAsStringAsync()), MessageOf(await forUnknown.Content.ReadAsStringAsync()));
        var mail = await sink.WaitForAsync(m => m.To == known && m.Subject.StartsWith("Your reports", StringComparison.Ordinal), "the link");
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == MailKind.MyReportsLink && m.ToAddress == unknown)));
        Assert.Equal(0, await app.WithDbAsync(db => db.MyReportsTokens.CountAsync(t => t.Email == unknown)));

        // Not an address: the form again, naming the field.
        using var bad = await app.Client.SubmitFormAsync("my", "my", ("email", "not-an-address"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("id=\"my-email-error\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The link's hour passes: it opens nothing, and the list is not there without it.
        app.Clock!.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        using var expired = await app.Client.GetAsync(MailApps.LinkPath(mail, "my/link/"));
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("Link expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var list = await app.Client.GetAsync("my/reports");
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        using var forged = await app.Client.GetAsync("my/link/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Admin_export_and_erase_answer_alike_for_an_unknown_address_and_refuse_an_operator_contact(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var known = MailApps.UniqueEmail("ada");
        var (id, _) = await MyReportsFlowTests.NamedReportAsync(app, sink, known, "Ada Known", "Fence down on Elm Road");
        using var admin = await app.AdminClientAsync();
        using (var alert = await app.Client.PostAsJsonAsync("api/alerts",
            new { email = known, latitude = 53.7997, longitude = -1.5492, radiusMetres = 500, frequency = "immediate" }))
        {
            Assert.True(alert.IsSuccessStatusCode, await alert.Content.ReadAsStringAsync());
        }

        using var knownExport = await admin.PostAsJsonAsync("api/admin/people/export", new { email = known, reason = "SAR-1" });
        using var unknownExport = await admin.PostAsJsonAsync("api/admin/people/export", new { email = MailApps.UniqueEmail("nobody"), reason = "SAR-2" });
        Assert.Equal(HttpStatusCode.OK, knownExport.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknownExport.StatusCode);
        using var knownJson = JsonDocument.Parse(await knownExport.Content.ReadAsStringAsync());
        using var unknownJson = JsonDocument.Parse(await unknownExport.Content.ReadAsStringAsync());
        Assert.Equal(id, knownJson.RootElement.GetProperty("reports")[0].GetProperty("id").GetInt32());
        Assert.Equal(0, unknownJson.RootElement.GetProperty("reports").GetArrayLength());
        Assert.Equal(500, knownJson.RootElement.GetProperty("alertSubscriptions")[0].GetProperty("radiusMetres").GetInt32());
        Assert.Equal(Names(knownJson.RootElement), Names(unknownJson.RootElement));

        using var unknownErase = await admin.PostAsJsonAsync("api/admin/people/erase", new { email = MailApps.UniqueEmail("nobody"), reason = "ERA-1" });
        using var knownErase = await admin.PostAsJsonAsync("api/admin/people/erase", new { email = known, reason = "ERA-2" });
        Assert.Equal(HttpStatusCode.OK, unknownErase.StatusCode);
        Assert.Equal(HttpStatusCode.OK, knownErase.StatusCode);
        Assert.Equal("erased", (await unknownErase.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("erased", (await knownErase.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("", await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.ReporterEmail).SingleAsync()));

        var knownLower = known.ToLowerInvariant();
        Assert.False(await app.WithDbAsync(db => db.AreaAlerts.AnyAsync(a => a.Email == knownLower)));

        // Each action on the person's behalf is on the record with the admin's reason, under the keyed hash: never the address.
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith("person.")).ToListAsync());
        var erased = Assert.Single(audit, a => a.Action == "person.erase" && a.Reason == "ERA-2");
        Assert.Single(audit, a => a.Action == "person.export" && a.Reason == "SAR-1");
        Assert.StartsWith("person:", erased.Target, StringComparison.Ordinal);
        Assert.Equal(FixIt.Domain.Moderation.StaffActorKind.ApiKey, erased.ActorKind);
        Assert.DoesNotContain(audit, a => $"{a.Target}{a.Before}{a.After}{a.Reason}".Contains(known, StringComparison.OrdinalIgnoreCase));

        // An operator's contact address is managed in the console: refused, nothing changed.
        var contactsBefore = await app.WithDbAsync(db => db.OperatorContacts.CountAsync(c => c.Email == "reports@council.example.org"));
        using var operatorErase = await admin.PostAsJsonAsync("api/admin/people/erase", new { email = "Reports@Council.example.org", reason = "ERA-3" });
        Assert.Equal(HttpStatusCode.Conflict, operatorErase.StatusCode);
        Assert.Contains("operator contact", await operatorErase.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(contactsBefore, await app.WithDbAsync(db => db.OperatorContacts.CountAsync(c => c.Email == "reports@council.example.org")));
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == "reports@council.example.org" && m.TextBody != "")));

        // Bad input names the field; no reason is no action; no key is no answer.
        using var noReason = await admin.PostAsJsonAsync("api/admin/people/erase", new { email = known });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("\"reason\"", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var badEmail = await admin.PostAsJsonAsync("api/admin/people/hide-name", new { email = "nope", reason = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, badEmail.StatusCode);
        Assert.Contains("\"email\"", await badEmail.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var anonymous = await app.Client.PostAsJsonAsync("api/admin/people/export", new { email = known, reason = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    private static string MessageOf(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<p data-testid=\"message\">([^<]*)</p>").Groups[1].Value;
}
