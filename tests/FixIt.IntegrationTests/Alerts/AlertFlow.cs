using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Seeding;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Alerts;

/// <summary>Steps the alert tests share: ask for an alert, confirm it from the email, publish a report.</summary>
internal static class AlertFlow
{
    /// <summary>Park Row, in the seeded Demo City; 4 km away from it, still in Demo City: Roundhay Road.</summary>
    public const double ParkRowLat = 53.7997, ParkRowLon = -1.5492, FarLat = 53.8200, FarLon = -1.5000;

    public static Task<int> DemoCityAsync(FixItApp app) =>
        app.WithDbAsync(db => db.Areas.Where(a => a.Code == DemoSeeder.DemoAreaCode).Select(a => a.Id).SingleAsync());

    /// <summary>POST /api/alerts; asserts the 202.</summary>
    public static async Task AskAsync(FixItApp app, object body)
    {
        using var response = await app.Client.PostAsJsonAsync("api/alerts", body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Waits for the confirmation email to <paramref name="email"/> and presses the button of its link page.</summary>
    public static async Task ConfirmAsync(FixItApp app, SmtpSink sink, string email)
    {
        var confirmation = await sink.WaitForAsync(m => m.To == email && m.Subject.StartsWith("Confirm: alerts for new reports", StringComparison.Ordinal),
            "the alert confirmation");
        using var confirmed = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "alerts/confirm/"));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Alerts started", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Submits a report and confirms it from its email, so it is public; returns its id.</summary>
    public static async Task<int> PublishAsync(FixItApp app, SmtpSink sink, string title, double lat, double lon, string category = "street-lighting")
    {
        var body = ReportRequests.Valid(title);
        body["reporterEmail"] = MailApps.UniqueEmail("reporter");
        body["latitude"] = lat;
        body["longitude"] = lon;
        body["categoryCode"] = category;
        if (category == "fly-tipping")
        {
            body["attributes"] = new Dictionary<string, object> { ["size"] = "small" };
        }

        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
        var confirmation = await sink.WaitForAsync(m => m.To == (string)body["reporterEmail"]! && m.Subject.Contains("Confirm your report", StringComparison.Ordinal),
            "the report confirmation");
        using var confirmed = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "confirm/"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        return id;
    }

    public static Task<int> CountAsync(FixItApp app, string to, MailKind kind, int? reportId = null) =>
        app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == to && m.Kind == kind && (reportId == null || m.ReportId == reportId)));

    public static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
