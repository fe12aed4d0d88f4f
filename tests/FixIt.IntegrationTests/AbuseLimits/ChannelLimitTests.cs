using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using FixIt.IntegrationTests.Open311;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.AbuseLimits;

/// <summary>The submit limit is one budget across the JSON API, Open311 and the web form; sign-in has its own.</summary>
public sealed class ChannelLimitTests
{
    [Fact]
    public async Task Submitting_through_another_channel_does_not_escape_the_limit_and_Open311_gets_its_own_error_body()
    {
        var settings = Open311Fixture.Settings.Select(s => (s.Key, s.Value!)).ToList();
        settings.Add(("RateLimits:Submit:PermitLimit", "2"));
        settings.Add(("RateLimits:Submit:WindowSeconds", "600"));
        await using var app = await AbuseApps.StartAsync(DatabaseProvider.Sqlite, [.. settings]);

        using var json = await AbuseApps.SubmitAsync(app, "ada@example.net");
        Assert.Equal(HttpStatusCode.Created, json.StatusCode);
        await app.PostAsync("json", Open311Http.ValidForm());

        using var refusedJson = await PostOpen311Async(app, "json");
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedJson.StatusCode);
        Assert.NotNull(refusedJson.Headers.RetryAfter?.Delta);
        Assert.Equal("application/json", refusedJson.Content.Headers.ContentType?.MediaType);
        var error = JsonDocument.Parse(await refusedJson.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Single();
        Assert.Equal(429, error.GetProperty("code").GetInt32());
        Assert.Contains("Too many requests", error.GetProperty("description").GetString(), StringComparison.Ordinal);

        using var refusedXml = await PostOpen311Async(app, "xml");
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedXml.StatusCode);
        Assert.NotNull(refusedXml.Headers.RetryAfter?.Delta);
        var xml = XDocument.Parse(await refusedXml.Content.ReadAsStringAsync());
        Assert.Equal("errors", xml.Root!.Name.LocalName);
        Assert.Equal("429", xml.Root.Element("error")!.Element("code")!.Value);

        using var form = await app.Client.SubmitFormAsync("?lat=53.8&lon=-1.55", "reports", ("category", "street-lighting"), ("title", "By form"),
            ("description", "Out."), ("lat", "53.8"), ("lon", "-1.55"), ("name", "Ada"), ("email", "ada@example.net"));
        await AbuseApps.AssertTooManyPageAsync(form);
        await AbuseApps.AssertTooManyAsync(await AbuseApps.SubmitAsync(app, "ada@example.net"));
    }

    [Fact]
    public async Task Staff_sign_in_attempts_past_the_limit_get_429_even_with_the_right_password()
    {
        await using var app = await AbuseApps.StartAsync(DatabaseProvider.Sqlite, ("RateLimits:SignIn:PermitLimit", "3"),
            ("RateLimits:SignIn:WindowSeconds", "600"));
        var moderator = await app.CreateStaffAsync(FixIt.Application.Common.StaffRoles.Moderator);

        for (var i = 0; i < 3; i++)
        {
            using var wrong = await AdminSignInTests.SignInAsync(app.Client, moderator, password: $"guess number {i} of many");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await AdminSignInTests.SignInAsync(app.Client, moderator);
        await AbuseApps.AssertTooManyPageAsync(right);
        using var page = await app.Client.GetAsync("admin/account");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task Sending_the_confirmation_again_past_the_limit_gets_429_and_queues_nothing()
    {
        await using var app = await AbuseApps.StartAsync(DatabaseProvider.Sqlite, ("RateLimits:ConfirmationResend:PermitLimit", "2"),
            ("RateLimits:ConfirmationResend:WindowSeconds", "600"));
        using var submitted = await AbuseApps.SubmitAsync(app, "ada@example.net");
        var body = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement;
        var id = body.GetProperty("id").GetInt32();
        var secret = new Uri(body.GetProperty("url").GetString()!).AbsolutePath.TrimStart('/');

        for (var i = 0; i < 2; i++)
        {
            using var resent = await app.Client.SubmitFormAsync(secret, $"{secret}/resend");
            Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        }

        using var refused = await app.Client.SubmitFormAsync(secret, $"{secret}/resend");
        await AbuseApps.AssertTooManyPageAsync(refused);
        Assert.Equal(3, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ReportId == id && m.Kind == MailKind.ReporterConfirmation)));
    }

    [Fact]
    public async Task The_subscribe_form_past_the_limit_gets_a_page_with_the_wait_in_minutes()
    {
        await using var app = await AbuseApps.StartAsync(DatabaseProvider.Sqlite, ("RateLimits:Subscribe:PermitLimit", "1"),
            ("RateLimits:Subscribe:WindowSeconds", "150"));
        var id = await AbuseApps.PublicReportAsync(app);

        using var first = await ReportSubscriptionTests.SubscribeAsync(app, id, "sam@example.net");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var refused = await ReportSubscriptionTests.SubscribeAsync(app, id, "sam@example.net");
        await AbuseApps.AssertTooManyPageAsync(refused);
        Assert.Contains("in 3 minutes", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostOpen311Async(FixItApp app, string format) =>
        app.Client.PostAsync($"open311/v2/requests.{format}", new FormUrlEncodedContent(Open311Http.ValidForm()));
}
