using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.AbuseLimits;

/// <summary>Apps with real (low) abuse limits, and the requests an attacker makes against them.</summary>
internal static class AbuseApps
{
    public static Task<FixItApp> StartAsync(DatabaseProvider provider, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?> { ["Site:PublicBaseUrl"] = MailApps.PublicBaseUrl };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return FixItApp.StartAsync(provider, all);
    }

    /// <summary>A JSON report naming <paramref name="email"/>, optionally as a client behind the trusted proxy.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(FixItApp app, string email, string? forwardedFor = null)
    {
        var body = ReportRequests.Valid("Flood " + Guid.NewGuid().ToString("N")[..8]);
        body["reporterEmail"] = email;
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/reports") { Content = JsonContent.Create(body) };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await app.Client.SendAsync(request);
    }

    /// <summary>What the client sees when refused: 429, Retry-After in seconds, and a problem document saying so.</summary>
    public static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var seconds = response.Headers.RetryAfter?.Delta?.TotalSeconds;
        Assert.True(seconds is >= 1, $"Retry-After: {response.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-4", problem.GetProperty("type").GetString());
        Assert.Contains("Too many requests", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>What a resident sees when a form is refused: 429, Retry-After, and a page saying in minutes when to try again.</summary>
    public static async Task AssertTooManyPageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var seconds = response.Headers.RetryAfter?.Delta?.TotalSeconds;
        Assert.True(seconds is >= 1, $"Retry-After: {response.Headers.RetryAfter}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        var minutes = (int)Math.Ceiling(seconds!.Value / 60);
        Assert.Contains($"Please try again in {minutes} {(minutes == 1 ? "minute" : "minutes")}.", html, StringComparison.Ordinal);
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Queued emails of a kind whose address is the victim's mailbox, whatever its case or +tag.</summary>
    public static async Task<int> ToMailboxAsync(FixItApp app, MailKind kind, string local, string domain)
    {
        var addresses = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == kind).Select(m => m.ToAddress).ToListAsync());
        return addresses.Count(a => a.EndsWith("@" + domain, StringComparison.OrdinalIgnoreCase)
            && (a.StartsWith(local + "@", StringComparison.OrdinalIgnoreCase) || a.StartsWith(local + "+", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>A report submitted and confirmed from the link in its confirmation email, so it is public.</summary>
    public static async Task<int> PublicReportAsync(FixItApp app)
    {
        using var submitted = await SubmitAsync(app, MailApps.UniqueEmail("reporter"));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var text = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.ReportId == id && m.Kind == MailKind.ReporterConfirmation)
            .Select(m => m.TextBody).SingleAsync());
        using var confirmed = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(text, "confirm/"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        return id;
    }

    /// <summary>Distinct spellings of one mailbox: the plain address, +tags, and upper-case forms.</summary>
    public static IEnumerable<string> Variants(string local, string domain, int count) =>
        Enumerable.Range(0, count).Select(i => (i % 4) switch
        {
            0 when i == 0 => $"{local}@{domain}",
            0 => $"{local}+{i}@{domain.ToUpperInvariant()}",
            1 => $"{local}+{i}@{domain}",
            2 => $"{local.ToUpperInvariant()}+x{i}@{domain.ToUpperInvariant()}",
            _ => $"{char.ToUpperInvariant(local[0])}{local[1..]}+tag.{i}@{domain}",
        });
}
