using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FixIt.Application.Common;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.AbuseLimits;

/// <summary>
/// An address is validated, stored and sent in one form: every address the API accepts is stored normalised and
/// mail for it arrives at that same address; an address that would be sent somewhere else than it reads is refused.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class EmailNormalisationTests(AppsFixture apps)
{
    /// <summary>Accepted as typed, and the form it is stored and sent as ("{0}" is a unique tag).</summary>
    private static readonly (string Typed, string Normal)[] Accepted =
    [
        ("solo4+{0}@xn--bcher-kva.example", "solo4+{0}@xn--bcher-kva.example"),
        ("caps+{0}@XN--BCHER-KVA.example", "caps+{0}@xn--bcher-kva.example"),
        ("IDN+{0}@BÜCHER.EXAMPLE", "IDN+{0}@xn--bcher-kva.example"),
        ("victim+{0}@ｅｘａｍｐｌｅ.net", "victim+{0}@example.net"),
        ("Ada+{0}@Example.NET", "Ada+{0}@example.net"),
        ("muc+{0}@münchen.de", "muc+{0}@xn--mnchen-3ya.de"),
    ];

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Every_accepted_address_is_stored_and_mailed_in_its_one_normal_form(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        foreach (var (typed, normal) in Accepted)
        {
            var tag = Guid.NewGuid().ToString("N")[..10];
            var body = ReportRequests.Valid("Normal " + tag);
            body["reporterEmail"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, typed, tag);
            var expected = string.Format(System.Globalization.CultureInfo.InvariantCulture, normal, tag);
            using var response = await app.Client.PostAsJsonAsync("api/reports", body);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{typed}: {await response.Content.ReadAsStringAsync()}");
            var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();

            Assert.Equal(expected, await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.ReporterEmail).SingleAsync()));
            var mail = await sink.WaitForAsync(m => m.EnvelopeTo.Any(t => t.Contains(tag, StringComparison.Ordinal)), $"the confirmation to {typed}");
            // The To header as the recipient's server reads it; MailKit names an IDN domain in UTF-8 to an SMTPUTF8
            // server (the same domain), which this test server reads as ASCII, so the envelope is compared for ASCII domains.
            Assert.Single(mail.EnvelopeTo);
            if (!expected.Contains("xn--", StringComparison.Ordinal))
            {
                Assert.Equal(expected, mail.EnvelopeTo[0]);
            }

            Assert.Equal(expected, EmailAddresses.Normalize(mail.To));
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.LastError != null && m.LastError.Contains("plain email"))));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task The_subscribe_form_stores_the_normal_form_and_refuses_an_invisible_character(DatabaseProvider provider)
    {
        await using var app = await AbuseApps.StartAsync(provider);
        var id = await AbuseApps.PublicReportAsync(app);
        var tag = Guid.NewGuid().ToString("N")[..10];

        using var accepted = await ReportSubscriptionTests.SubscribeAsync(app, id, $"Sam+{tag}@BÜCHER.ｅｘａｍｐｌｅ");
        using var refused = await ReportSubscriptionTests.SubscribeAsync(app, id, $"sam@exam\u200bple.net");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal([$"sam+{tag}@xn--bcher-kva.example"], await app.WithDbAsync(db => db.ReportSubscriptions.Where(s => s.ReportId == id).Select(s => s.Email).ToListAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("invisible character (U&#x2B;200B at position 9)", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "victim@xn--example.net", "not a valid email address")]
    [InlineData(DatabaseProvider.Sqlite, "victim@xn--abc.net", "not a valid email address")]
    [InlineData(DatabaseProvider.Sqlite, "victim@exam\u00adple.net", "invisible character (U+00AD at position 12)")]
    [InlineData(DatabaseProvider.Sqlite, "victim@examp\u200ble.net", "invisible character (U+200B at position 13)")]
    [InlineData(DatabaseProvider.Sqlite, "victim@example.net\u200b", "invisible character (U+200B at position 19)")]
    [InlineData(DatabaseProvider.Sqlite, "vic\u200dtim@example.net", "invisible character (U+200D at position 4)")]
    [InlineData(DatabaseProvider.PostgreSql, "victim@exam\u00adple.net", "invisible character (U+00AD at position 12)")]
    [InlineData(DatabaseProvider.PostgreSql, "victim@xn--example.net", "not a valid email address")]
    public async Task An_address_that_would_be_sent_elsewhere_than_it_reads_is_refused(DatabaseProvider provider, string email, string message)
    {
        var app = await apps.GetAsync(provider);
        var title = "Elsewhere " + Guid.NewGuid().ToString("N")[..8];
        var body = ReportRequests.Valid(title);
        body["reporterEmail"] = email;
        using var response = await app.Client.PostAsJsonAsync("api/reports", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains(errors.GetProperty("reporterEmail").EnumerateArray(), e => e.GetString()!.Contains(message, StringComparison.Ordinal));
        Assert.Equal(0, await app.WithDbAsync(db => db.Reports.CountAsync(r => r.Title == title)));
    }
}
