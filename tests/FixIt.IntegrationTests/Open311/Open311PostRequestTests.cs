using System.Net;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Open311;

/// <summary>POST requests goes through the same command as the web form, and answers with a token until confirmed.</summary>
[Collection(Open311Collection.Name)]
public sealed class Open311PostRequestTests(Open311Fixture apps)
{
    [Theory]
    [MemberData(nameof(Open311Fixture.ProvidersAndFormats), MemberType = typeof(Open311Fixture))]
    public async Task Post_returns_a_token_then_the_token_gives_the_request_id_once_confirmed(DatabaseProvider provider, string format)
    {
        var app = await apps.GetAsync(provider);

        var text = await app.PostAsync(format, Open311Http.ValidForm($"Token path {format}"));

        var posted = Assert.Single(Open311Doc.ListOf(format, text, "service_requests", "request"));
        Assert.Equal(["token", "service_notice", "account_id"], posted.Names);
        var token = posted["token"]!;
        Assert.Matches("^[a-z2-7]{24}$", token);
        Assert.Contains("confirm", posted["service_notice"], StringComparison.Ordinal);
        Assert.Equal("acct-7", posted["account_id"]);

        var before = Assert.Single(Open311Doc.ListOf(format, await app.GetAsync($"open311/v2/tokens/{token}.{format}", format), "service_requests", "request"));
        Assert.Equal(["service_request_id", "token"], before.Names);
        Assert.Null(before["service_request_id"]);
        Assert.Equal(token, before["token"]);

        var id = await app.WithDbAsync(db => db.Reports.Where(r => r.Open311Token == token).Select(r => r.Id).SingleAsync());
        Assert.Empty(Open311Doc.ListOf(format, await app.GetAsync($"open311/v2/requests.{format}?service_request_id={id}", format), "service_requests", "request"));
        await app.GetAsync($"open311/v2/requests/{id}.{format}", format, HttpStatusCode.NotFound);

        await app.UpdateAsync(id, r => r.Confirm(EventSource.EmailLink, DateTimeOffset.UtcNow));

        var after = Assert.Single(Open311Doc.ListOf(format, await app.GetAsync($"open311/v2/tokens/{token}.{format}", format), "service_requests", "request"));
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), after["service_request_id"]);
        Assert.Equal(token, after["token"]);
        var request = Assert.Single(Open311Doc.ListOf(format, await app.GetAsync($"open311/v2/requests/{id}.{format}", format), "service_requests", "request"));
        Assert.Equal($"Token path {format}", request["description"]);
    }

    [Theory]
    [MemberData(nameof(Open311Fixture.ProvidersAndFormats), MemberType = typeof(Open311Fixture))]
    public async Task Post_stores_the_report_as_the_web_form_does_with_the_open311_extras(DatabaseProvider provider, string format)
    {
        var app = await apps.GetAsync(provider);
        var form = Open311Http.ValidForm($"Stored fields {format}\nSecond line of detail.").With("api_key", Open311Fixture.HashedKey);

        var token = Open311Doc.ListOf(format, await app.PostAsync(format, form), "service_requests", "request").Single()["token"];

        var report = await app.WithDbAsync(db => db.Reports.Include(r => r.Events).SingleAsync(r => r.Open311Token == token));
        Assert.Equal(EventSource.Open311, report.Source);
        Assert.Equal(ReportStatus.Unconfirmed, report.Status);
        Assert.Equal($"Stored fields {format}", report.Title);
        Assert.Equal($"Stored fields {format}\nSecond line of detail.", report.Description);
        Assert.Equal((53.8011, -1.5521), (report.Latitude, report.Longitude));
        Assert.Equal("Grace Hopper", report.ReporterName);
        Assert.False(report.ShowName);
        Assert.Equal("grace.hopper@example.net", report.ReporterEmail);
        Assert.Equal("+44 113 496 0999", report.ReporterPhone);
        Assert.Equal(("device-42", "acct-7"), (report.DeviceId, report.AccountId));
        Assert.Equal("https://photos.example.org/tip.jpg", report.MediaUrl);
        Assert.Equal([("size", "car"), ("hazardous", "No")], report.Attributes.Select(a => (a.Code, a.Value)));
        var council = await app.WithDbAsync(db => db.Operators.SingleAsync(o => o.Slug == "demo-city-council"));
        Assert.Equal(council.Id, report.OperatorId);
        Assert.Equal([ReportEventKind.Created, ReportEventKind.Routed], report.Events.Select(e => e.Kind));
    }

    [Theory]
    [MemberData(nameof(Open311Fixture.ProvidersAndFormats), MemberType = typeof(Open311Fixture))]
    public async Task Missing_or_wrong_api_key_is_403_and_nothing_is_stored(DatabaseProvider provider, string format)
    {
        var app = await apps.GetAsync(provider);
        var before = await app.WithDbAsync(db => db.Reports.CountAsync());

        foreach (var key in new string?[] { null, "", "not-a-key", Open311Fixture.PlainKey.ToUpperInvariant(), "sha256:" + Open311Fixture.HashedKey })
        {
            var text = await app.PostAsync(format, Open311Http.ValidForm().With("api_key", key), HttpStatusCode.Forbidden);
            var error = Assert.Single(Open311Doc.ListOf(format, text, "errors", "error"));
            Assert.Equal("403", error["code"]);
            Assert.Contains("api_key", error["description"], StringComparison.Ordinal);
        }

        Assert.Equal(before, await app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    public static TheoryData<DatabaseProvider, string, string, string?, string> BadFields()
    {
        var data = new TheoryData<DatabaseProvider, string, string, string?, string>();
        foreach (var (provider, format) in new[] { (DatabaseProvider.Sqlite, "json"), (DatabaseProvider.PostgreSql, "xml") })
        {
            data.Add(provider, format, "service_code", "no-such-service", "service_code");
            data.Add(provider, format, "service_code", null, "service_code");
            data.Add(provider, format, "lat", "91", "lat");
            data.Add(provider, format, "lat", "north", "lat");
            data.Add(provider, format, "long", null, "long");
            data.Add(provider, format, "email", null, "email");
            data.Add(provider, format, "email", "not-an-email", "email");
            data.Add(provider, format, "description", new string('d', 4001), "description");
            data.Add(provider, format, "description", null, "description");
            data.Add(provider, format, "media_url", "ftp://photos.example.org/a.jpg", "media_url");
            data.Add(provider, format, "media_url", "/relative.jpg", "media_url");
            data.Add(provider, format, "attribute[size]", null, "attribute[size]");
            data.Add(provider, format, "attribute[size]", "enormous", "attribute[size]");
            data.Add(provider, format, "attribute[colour]", "red", "attribute[colour]");
            data.Add(provider, format, "device_id", new string('x', 101), "device_id");
            data.Add(provider, format, "first_name", null, "first_name");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Bad_field_is_a_400_naming_the_open311_parameter_and_nothing_is_stored(
        DatabaseProvider provider, string format, string field, string? value, string expected)
    {
        var app = await apps.GetAsync(provider);
        var form = Open311Http.ValidForm().With(field, value);
        if (field == "first_name")
        {
            form = form.With("last_name", null);
        }

        var before = await app.WithDbAsync(db => db.Reports.CountAsync());

        var text = await app.PostAsync(format, form, HttpStatusCode.BadRequest);

        var errors = Open311Doc.ListOf(format, text, "errors", "error");
        Assert.All(errors, e => Assert.Equal("400", e["code"]));
        Assert.Contains(errors, e => e["description"]!.StartsWith(expected + ":", StringComparison.Ordinal));
        Assert.Equal(before, await app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Open311Fixture.ProvidersAndFormats), MemberType = typeof(Open311Fixture))]
    public async Task Multivalue_attribute_syntax_is_refused_for_a_single_value_question(DatabaseProvider provider, string format)
    {
        var app = await apps.GetAsync(provider);
        var form = Open311Http.ValidForm().With("attribute[size]", null);
        form.Add(new("attribute[size][]", "car"));
        form.Add(new("attribute[size][]", "lorry"));

        var text = await app.PostAsync(format, form, HttpStatusCode.BadRequest);

        var error = Assert.Single(Open311Doc.ListOf(format, text, "errors", "error"));
        Assert.Equal("attribute[size]: 'size' takes one value.", error["description"]);
    }

    [Theory]
    [MemberData(nameof(Open311Fixture.ProvidersAndFormats), MemberType = typeof(Open311Fixture))]
    public async Task Address_string_without_a_geocoder_is_a_clear_400(DatabaseProvider provider, string format)
    {
        var app = await apps.GetAsync(provider);
        var form = Open311Http.ValidForm().With("lat", null).With("long", null).With("address_string", "1 Park Row, Leeds");

        var text = await app.PostAsync(format, form, HttpStatusCode.BadRequest);

        var error = Assert.Single(Open311Doc.ListOf(format, text, "errors", "error"));
        Assert.Equal("address_string: This server has no geocoder configured: send lat and long instead of address_string.", error["description"]);
    }

    [Theory]
    [MemberData(nameof(Open311Fixture.ProvidersAndFormats), MemberType = typeof(Open311Fixture))]
    public async Task A_body_that_is_not_a_form_is_a_400(DatabaseProvider provider, string format)
    {
        var app = await apps.GetAsync(provider);
        using var content = new StringContent("""{"service_code":"pothole"}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await app.Client.PostAsync($"open311/v2/requests.{format}", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Open311Http.ContentType(format), response.Content.Headers.ContentType?.ToString());
        var error = Assert.Single(Open311Doc.ListOf(format, await response.Content.ReadAsStringAsync(), "errors", "error"));
        Assert.Contains("form", error["description"], StringComparison.Ordinal);
    }
}
