using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Open311;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.AbuseLimits;

/// <summary>Addresses no one can receive mail at are refused by every channel, with the field named, and nothing is stored.</summary>
[Collection(AppsCollection.Name)]
public sealed class EmailAddressRuleTests(AppsFixture apps)
{
    public static TheoryData<DatabaseProvider, string> Cases
    {
        get
        {
            var data = new TheoryData<DatabaseProvider, string>();
            foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
            {
                foreach (var email in new[] { "a@[127.0.0.1]", "a@127.0.0.1", "a@localhost", "\"a b\"@example.net", "a@example", new string('a', 250) + "@x.org" })
                {
                    data.Add(provider, email);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_JSON_API_refuses_an_undeliverable_address_naming_the_field(DatabaseProvider provider, string email)
    {
        var app = await apps.GetAsync(provider);
        var title = "Email rule " + Guid.NewGuid().ToString("N")[..8];
        var body = ReportRequests.Valid(title);
        body["reporterEmail"] = email;
        using var response = await app.Client.PostAsJsonAsync("api/reports", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains(errors.GetProperty("reporterEmail").EnumerateArray(),
            e => e.GetString()!.Contains("not a valid email address", StringComparison.Ordinal));
        Assert.Equal(0, await app.WithDbAsync(db => db.Reports.CountAsync(r => r.Title == title)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Open311_the_subscribe_form_and_the_report_form_refuse_a_domain_literal(DatabaseProvider provider)
    {
        await using var app = await AbuseApps.StartAsync(provider, [.. Open311Fixture.Settings.Select(s => (s.Key, s.Value!))]);

        var open311 = await app.PostAsync("json", Open311Http.ValidForm().With("email", "a@[127.0.0.1]"), HttpStatusCode.BadRequest);
        Assert.Contains("email: ", open311, StringComparison.Ordinal);
        Assert.Contains("not a valid email address", open311, StringComparison.Ordinal);

        var id = await AbuseApps.PublicReportAsync(app);
        using var subscribe = await Mail.ReportSubscriptionTests.SubscribeAsync(app, id, "a@[127.0.0.1]");
        Assert.Equal(HttpStatusCode.BadRequest, subscribe.StatusCode);
        Assert.Contains("&#x27;Email address&#x27; is not a valid email address.", await subscribe.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var form = await Mail.MailApps.SubmitFormAsync(app.Client, "?lat=53.8&lon=-1.55", "reports", ("category", "street-lighting"),
            ("title", "Literal"), ("description", "Out."), ("lat", "53.8"), ("lon", "-1.55"), ("name", "Ada"), ("email", "ada@[10.0.0.1]"));
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Contains("is not a valid email address", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
#pragma warning disable CA1847 // Npgsql cannot translate string.Contains(char); the string overload works on every provider.
        Assert.Equal(0, await app.WithDbAsync(db => db.Reports.CountAsync(r => r.Title == "Literal" || r.ReporterEmail.Contains("["))));
        Assert.Equal(0, await app.WithDbAsync(db => db.ReportSubscriptions.CountAsync(s => s.Email.Contains("["))));
#pragma warning restore CA1847
    }
}

