using System.Net;
using FixIt.Domain.Reports;
using FixIt.Domain.Routing;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Open311;

/// <summary>Calls Open311 as a client does, and moves reports along as the confirmation link and operators would.</summary>
public static class Open311Http
{
    public static string ContentType(string format) => format == "xml" ? "text/xml; charset=utf-8" : "application/json; charset=utf-8";

    /// <summary>GET, asserting the status and the exact content type of the format; returns the body.</summary>
    public static async Task<string> GetAsync(this FixItApp app, string path, string format, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await app.Client.GetAsync(path);
        return await ReadAsync(response, format, status);
    }

    public static async Task<string> PostAsync(this FixItApp app, string format, IEnumerable<KeyValuePair<string, string>> form,
        HttpStatusCode status = HttpStatusCode.OK)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await app.Client.PostAsync($"open311/v2/requests.{format}", content);
        return await ReadAsync(response, format, status);
    }

    /// <summary>A valid fly-tipping request in Demo City, as an Open311 client sends it.</summary>
    public static List<KeyValuePair<string, string>> ValidForm(string description = "Mattress and bags dumped by the canal gate") =>
    [
        new("api_key", Open311Fixture.PlainKey),
        new("service_code", "fly-tipping"),
        new("lat", "53.8011"),
        new("long", "-1.5521"),
        new("attribute[size]", "car"),
        new("attribute[hazardous]", "No"),
        new("email", "grace.hopper@example.net"),
        new("first_name", "Grace"),
        new("last_name", "Hopper"),
        new("phone", "+44 113 496 0999"),
        new("device_id", "device-42"),
        new("account_id", "acct-7"),
        new("description", description),
        new("media_url", "https://photos.example.org/tip.jpg"),
    ];

    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> form, string key, string? value)
    {
        var copy = form.Where(p => p.Key != key).ToList();
        if (value is not null)
        {
            copy.Add(new(key, value));
        }

        return copy;
    }

    /// <summary>Posts a valid request and returns the report's id and token.</summary>
    public static async Task<(int Id, string Token)> PostValidAsync(this FixItApp app, string description)
    {
        var text = await app.PostAsync("json", ValidForm(description));
        var token = Open311Doc.ListOf("json", text, "service_requests", "request").Single()["token"]!;
        var id = await app.WithDbAsync(db => db.Reports.Where(r => r.Open311Token == token).Select(r => r.Id).SingleAsync());
        return (id, token);
    }

    /// <summary>Applies a change to a stored report, as the confirmation link or an operator's action does.</summary>
    public static Task UpdateAsync(this FixItApp app, int id, Action<Report> change) => app.WithDbAsync(async db =>
    {
        var report = await db.Reports.Include(r => r.Events).SingleAsync(r => r.Id == id);
        change(report);
        return await db.SaveChangesAsync();
    });

    /// <summary>Stores confirmed reports made at the given times, routed to Demo City Council; returns their ids.</summary>
    public static Task<List<int>> InsertConfirmedAsync(this FixItApp app, string titlePrefix, IReadOnlyList<DateTimeOffset> times) =>
        app.WithDbAsync(async db =>
        {
            var categoryId = await db.Categories.Where(c => c.Code == "pothole").Select(c => c.Id).SingleAsync();
            var operatorId = await db.Operators.Where(o => o.Slug == "demo-city-council").Select(o => o.Id).SingleAsync();
            var reports = times.Select((at, i) =>
            {
                var report = Report.Submit(
                    new NewReport(categoryId, $"{titlePrefix} {i}", $"{titlePrefix} description {i}", 53.80, -1.55,
                        "Private Person", "private.person@example.org", null, false, EventSource.Web),
                    new RoutingDecision(operatorId, null, "Demo City Council (test)", []), at);
                report.Confirm(EventSource.EmailLink, at.AddMinutes(5));
                return report;
            }).ToList();
            db.Reports.AddRange(reports);
            await db.SaveChangesAsync();
            return reports.Select(r => r.Id).ToList();
        });

    private static async Task<string> ReadAsync(HttpResponseMessage response, string format, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal(ContentType(format), response.Content.Headers.ContentType?.ToString());
        return text;
    }
}
