using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Open311;

namespace FixIt.IntegrationTests.Faults;

/// <summary>
/// What each channel's client sees while the database cannot be used: 503 with Retry-After, in its own format,
/// well within a bound (a bound on a hang, not a performance figure).
/// </summary>
public static partial class FaultAnswers
{
    public static readonly TimeSpan HangBound = TimeSpan.FromSeconds(15);

    public static Dictionary<string, string?> Settings => Open311Fixture.Settings;

    /// <summary>The home page's antiforgery token, read while the database still answers.</summary>
    public static async Task<string> FormTokenAsync(FixItApp app) =>
        Token().Match(await app.Client.GetStringAsync("?lat=53.8&lon=-1.55")).Groups[1].Value;

    /// <summary>Submits on the JSON API, the web form and Open311; each must refuse with 503 in time.</summary>
    public static async Task AssertEveryChannelRefusesAsync(FixItApp app, string formToken, string title)
    {
        var watch = Stopwatch.StartNew();
        using (var json = await app.Client.PostAsJsonAsync("api/reports", ReportRequests.Valid(title)))
        {
            AssertUnavailable(json, watch, "application/problem+json");
            Assert.Contains("\"status\":503", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        watch.Restart();
        using (var request = new HttpRequestMessage(HttpMethod.Post, "reports") { Content = Form(title, formToken) })
        {
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
            using var page = await app.Client.SendAsync(request);
            AssertUnavailable(page, watch, "text/html");
            Assert.Contains("Try again in a moment", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        watch.Restart();
        using var open311Form = new FormUrlEncodedContent(Open311Http.ValidForm(title));
        using var open311 = await app.Client.PostAsync("open311/v2/requests.xml", open311Form);
        AssertUnavailable(open311, watch, "text/xml");
        var body = await open311.Content.ReadAsStringAsync();
        Assert.Contains("<code>503</code>", body, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", body, StringComparison.Ordinal);
    }

    public static async Task AssertReadyAsync(FixItApp app, HttpStatusCode expected)
    {
        var watch = Stopwatch.StartNew();
        using var ready = await app.Client.GetAsync("health/ready");
        Assert.Equal(expected, ready.StatusCode);
        Assert.True(watch.Elapsed < HangBound, $"/health/ready took {watch.Elapsed}.");
    }

    /// <summary>Asks /health/ready until it says healthy (the fault is gone), at most a bounded number of times.</summary>
    public static async Task AwaitReadyAsync(FixItApp app)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var ready = await app.Client.GetAsync("health/ready");
            if (ready.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        Assert.Fail("/health/ready did not recover once the fault was gone.");
    }

    private static void AssertUnavailable(HttpResponseMessage response, Stopwatch watch, string mediaType)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(watch.Elapsed < HangBound, $"{response.RequestMessage!.RequestUri} took {watch.Elapsed} to fail.");
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 without Retry-After.");
    }

    private static MultipartFormDataContent Form(string title, string token)
    {
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in new[]
        {
            ("category", "street-lighting"), ("title", title), ("description", "Out."), ("lat", "53.8"), ("lon", "-1.55"),
            ("name", "Ada"), ("email", "ada@example.net"), ("__RequestVerificationToken", token),
        })
        {
            form.Add(new StringContent(value), key);
        }

        return form;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
