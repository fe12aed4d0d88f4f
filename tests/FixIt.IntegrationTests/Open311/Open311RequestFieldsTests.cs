using System.Globalization;
using System.Net;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Open311;

/// <summary>A public report as GET requests and requests/{id} show it, field by field, with and without extensions.</summary>
[Collection(Open311Collection.Name)]
public sealed class Open311RequestFieldsTests(Open311Fixture apps)
{
    private static readonly string[] Fields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
        "lat", "long", "media_url",
    ];

    [Theory]
    [MemberData(nameof(Open311Fixture.ProvidersAndFormats), MemberType = typeof(Open311Fixture))]
    public async Task Request_has_every_field_from_the_report_its_operator_and_its_latest_public_note(DatabaseProvider provider, string format)
    {
        var app = await apps.GetAsync(provider);
        var id = await ConfirmedWithUpdatesAsync(app, $"Fields {format}");
        var stored = await app.WithDbAsync(db => db.Reports.SingleAsync(r => r.Id == id));

        foreach (var path in new[] { $"open311/v2/requests/{id}.{format}", $"open311/v2/requests.{format}?service_request_id={id}" })
        {
            var request = Assert.Single(Open311Doc.ListOf(format, await app.GetAsync(path, format), "service_requests", "request"));

            Assert.Equal(Fields, request.Names);
            Assert.Equal(id.ToString(CultureInfo.InvariantCulture), request["service_request_id"]);
            Assert.Equal("open", request["status"]);
            Assert.Equal("Cones placed around it.", request["status_notes"]);
            Assert.Equal("Fly-tipping", request["service_name"]);
            Assert.Equal("fly-tipping", request["service_code"]);
            Assert.Equal($"Fields {format}", request["description"]);
            Assert.Equal("Demo City Council", request["agency_responsible"]);
            Assert.Equal(stored.RoutingExplanation, request["service_notice"]);
            Assert.Equal(W3C(stored.CreatedAt), request["requested_datetime"]);
            Assert.Equal(W3C(stored.UpdatedAt), request["updated_datetime"]);
            Assert.Equal(W3C(stored.ConfirmedAt!.Value.AddDays(20)), request["expected_datetime"]);
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$", request["requested_datetime"]);
            Assert.Null(request["address"]);
            Assert.Null(request["address_id"]);
            Assert.Null(request["zipcode"]);
            Assert.Equal("53.8011", request["lat"]);
            Assert.Equal("-1.5521", request["long"]);
            Assert.Equal("https://photos.example.org/tip.jpg", request["media_url"]);
        }
    }

    [Theory]
    [MemberData(nameof(Open311Fixture.ProvidersAndFormats), MemberType = typeof(Open311Fixture))]
    public async Task Extensions_add_title_detailed_status_and_the_public_history(DatabaseProvider provider, string format)
    {
        var app = await apps.GetAsync(provider);
        var id = await ConfirmedWithUpdatesAsync(app, $"Extensions {format}");
        await app.UpdateAsync(id, r => r.ChangeStatus(ReportStatus.Fixed, ActorKind.Operator, "Demo City Council", EventSource.EmailLink,
            "Cleared away.", DateTimeOffset.UtcNow.AddSeconds(5)));

        var text = await app.GetAsync($"open311/v2/requests/{id}.{format}?extensions=true", format);

        var request = Assert.Single(Open311Doc.ListOf(format, text, "service_requests", "request"));
        Assert.Equal([.. Fields, "title", "detailed_status", "updates"], request.Names);
        Assert.Equal("closed", request["status"]);
        Assert.Equal("fixed", request["detailed_status"]);
        Assert.Equal("Cleared away.", request["status_notes"]);
        Assert.Equal($"Extensions {format}", request["title"]);
        var updates = request.List("updates", "update");
        Assert.All(updates, u => Assert.Equal(["update_id", "updated_datetime", "type", "status", "detailed_status", "description", "actor"], u.Names));
        Assert.Equal(["status_change", "status_change", "note", "status_change"], updates.Select(u => u["type"]));
        Assert.Equal(["open", "open", "open", "closed"], updates.Select(u => u["status"]));
        Assert.Equal(["open", "in_progress", "in_progress", "fixed"], updates.Select(u => u["detailed_status"]));
        Assert.Equal(["Confirmed by the reporter.", "Crew booked for Tuesday.", "Cones placed around it.", "Cleared away."],
            updates.Select(u => u["description"]));
        Assert.Equal(["The reporter", "Demo City Council", "Demo City Council", "Demo City Council"], updates.Select(u => u["actor"]));
        Assert.All(updates, u => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$", u["updated_datetime"]));

        var plain = Assert.Single(Open311Doc.ListOf(format, await app.GetAsync($"open311/v2/requests/{id}.{format}", format), "service_requests", "request"));
        Assert.Equal(Fields, plain.Names);
    }

    [Theory]
    [MemberData(nameof(Open311Fixture.ProvidersAndFormats), MemberType = typeof(Open311Fixture))]
    public async Task No_open311_response_shows_the_reporters_email_phone_or_name(DatabaseProvider provider, string format)
    {
        var app = await apps.GetAsync(provider);
        var id = await ConfirmedWithUpdatesAsync(app, $"Privacy {format}");
        var token = await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Open311Token).SingleAsync());

        foreach (var path in new[]
        {
            $"requests/{id}.{format}?extensions=true", $"requests.{format}?extensions=true", $"requests.{format}?service_request_id={id}&extensions=true",
            $"tokens/{token}.{format}", $"services.{format}", $"services/fly-tipping.{format}", $"discovery.{format}",
        })
        {
            var text = await app.GetAsync("open311/v2/" + path, format);
            Assert.Contains(path.StartsWith("requests", StringComparison.Ordinal) ? $"Privacy {format}" : "", text, StringComparison.Ordinal);
            foreach (var secret in new[] { "grace.hopper", "496 0999", "4960999", "Grace", "Hopper", "device-42", "acct-7" })
            {
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Open311Fixture.ProvidersAndFormats), MemberType = typeof(Open311Fixture))]
    public async Task Unknown_request_and_unknown_token_are_404_error_documents(DatabaseProvider provider, string format)
    {
        var app = await apps.GetAsync(provider);

        foreach (var path in new[] { $"requests/987654.{format}", $"requests/not-a-number.{format}", $"tokens/nosuchtoken.{format}" })
        {
            var error = Assert.Single(Open311Doc.ListOf(format, await app.GetAsync("open311/v2/" + path, format, HttpStatusCode.NotFound), "errors", "error"));
            Assert.Equal("404", error["code"]);
            Assert.False(string.IsNullOrWhiteSpace(error["description"]));
        }
    }

    internal static string W3C(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>An Open311 report, confirmed, set in progress by its operator with a note after.</summary>
    private static async Task<int> ConfirmedWithUpdatesAsync(FixItApp app, string description)
    {
        var (id, _) = await app.PostValidAsync(description);
        var now = DateTimeOffset.UtcNow;
        await app.UpdateAsync(id, r =>
        {
            r.Confirm(EventSource.EmailLink, now);
            r.ChangeStatus(ReportStatus.InProgress, ActorKind.Operator, "Demo City Council", EventSource.EmailLink, "Crew booked for Tuesday.", now.AddSeconds(1));
            r.AddNote(ActorKind.Operator, "Demo City Council", EventSource.EmailReply, "Cones placed around it.", now.AddSeconds(2));
        });
        return id;
    }
}
