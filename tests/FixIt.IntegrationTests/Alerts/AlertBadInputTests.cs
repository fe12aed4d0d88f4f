using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;
using static FixIt.IntegrationTests.Alerts.AlertFlow;

namespace FixIt.IntegrationTests.Alerts;

/// <summary>What an alert request may not be, on the API, the form and the links; nothing is stored or sent for it.</summary>
public sealed class AlertBadInputTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_radius_outside_50_m_to_20_km_an_unknown_area_or_a_bad_frequency_is_refused_naming_the_field(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, fakeClock: true);
        var email = MailApps.UniqueEmail("bad");

        await AssertRefusedAsync(app, new { email, latitude = ParkRowLat, longitude = ParkRowLon, radiusMetres = 49 }, "radiusMetres", "between 50 m and 20 km");
        await AssertRefusedAsync(app, new { email, latitude = ParkRowLat, longitude = ParkRowLon, radiusMetres = 20_001 }, "radiusMetres", "between 50 m and 20 km");
        await AssertRefusedAsync(app, new { email, latitude = ParkRowLat, longitude = ParkRowLon }, "radiusMetres", "radius");
        await AssertRefusedAsync(app, new { email, latitude = 91.0, longitude = ParkRowLon, radiusMetres = 500 }, "latitude", "between -90 and 90");
        await AssertRefusedAsync(app, new { email, areaId = 987_654 }, "areaId", "There is no area 987654.");
        await AssertRefusedAsync(app, new { email, areaId = await DemoCityAsync(app), latitude = ParkRowLat, longitude = ParkRowLon }, "areaId", "not both");
        await AssertRefusedAsync(app, new { email, areaId = await DemoCityAsync(app), frequency = "weekly" }, "frequency", "daily");
        await AssertRefusedAsync(app, new { email, areaId = await DemoCityAsync(app), categories = new[] { "no-such-thing" } }, "categories[0]", "not a known category");
        await AssertRefusedAsync(app, new { email = "not an address", areaId = await DemoCityAsync(app) }, "email", "");

        // The form answers with itself, the message beside the field, and the typed values kept.
        using (var form = await app.Client.SubmitFormAsync("alerts", "alerts", ("email", email), ("kind", "radius"), ("lat", Number(ParkRowLat)),
            ("lon", Number(ParkRowLon)), ("radius", "25000")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
            var html = await form.Content.ReadAsStringAsync();
            Assert.Contains("id=\"radius-error\"", html, StringComparison.Ordinal);
            Assert.Contains("between 50 m and 20 km", html, StringComparison.Ordinal);
            Assert.Contains("value=\"25000\"", html, StringComparison.Ordinal);
        }

        using (var form = await app.Client.SubmitFormAsync("alerts", "alerts", ("email", email), ("kind", "area"), ("area", "987654")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
            Assert.Contains("There is no area 987654.", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The feed of a point checks the same range.
        Assert.Equal(HttpStatusCode.BadRequest,
            (await app.Client.GetAsync($"feeds/nearby.atom?latitude={Number(ParkRowLat)}&longitude={Number(ParkRowLon)}&radius=10")).StatusCode);

        Assert.Equal(0, await app.WithDbAsync(db => db.AreaAlerts.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == email)));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Alert_links_reused_expired_or_of_another_purpose_change_nothing(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, fakeClock: true);
        var once = MailApps.UniqueEmail("once");
        var late = MailApps.UniqueEmail("late");
        await AskAsync(app, new { email = once, latitude = ParkRowLat, longitude = ParkRowLon, radiusMetres = 500 });
        await AskAsync(app, new { email = late, latitude = ParkRowLat, longitude = ParkRowLon, radiusMetres = 500 });
        var lateMail = await sink.WaitForAsync(m => m.To == late && m.Subject.StartsWith("Confirm: alerts", StringComparison.Ordinal), "the second confirmation");
        await ConfirmAsync(app, sink, once);
        var onceMail = sink.Received.Single(m => m.To == once);
        var path = MailApps.LinkPath(onceMail, "alerts/confirm/");
        var token = path.Split('/')[2];

        // Used: gone. As a stop link, or made up: not found.
        Assert.Equal(HttpStatusCode.Gone, (await app.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync($"alerts/stop/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync($"alerts/confirm/{token[..^2]}xx")).StatusCode);

        // Past the confirmation links' lifetime: gone, and the alert stays unconfirmed.
        app.Clock!.Advance(MailApps.PastConfirmLinkLifetime);
        Assert.Equal(HttpStatusCode.Gone, (await app.Client.GetAsync(MailApps.LinkPath(lateMail, "alerts/confirm/"))).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.AreaAlerts.CountAsync(a => a.ConfirmedAt != null)));
    }

    private static async Task AssertRefusedAsync(FixItApp app, object body, string field, string words)
    {
        using var response = await app.Client.PostAsJsonAsync("api/alerts", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error for {field}: {text}");
        Assert.Contains(words, messages.ToString(), StringComparison.Ordinal);
    }
}
