using System.Net;
using System.Text.RegularExpressions;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;

namespace FixIt.IntegrationTests.Mail;

/// <summary>Apps that send through a test SMTP sink, with short timings so retries happen within a test.</summary>
public static partial class MailApps
{
    public const string PublicBaseUrl = "https://fixit.example.org";

    public static Dictionary<string, string?> SmtpSettings(SmtpSink sink, int poolSize = 2, int batchSize = 50) => new()
    {
        ["Mail:Transport"] = "Smtp",
        ["Mail:SmtpHost"] = "127.0.0.1",
        ["Mail:SmtpPort"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:TlsMode"] = "None",
        ["Mail:FromAddress"] = "fixit@fixit.example.org",
        ["Mail:ReplyDomain"] = "reply.fixit.example.org",
        ["Mail:PoolSize"] = poolSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:PollInterval"] = "00:00:00.100",
        ["Mail:RetryBaseDelay"] = "00:00:00.300",
        ["Mail:RetryMaxDelay"] = "00:00:01",
        ["Mail:SmtpTimeout"] = "00:00:05",
        ["Mail:Lease"] = "00:00:06",
        ["Site:PublicBaseUrl"] = PublicBaseUrl,
    };

    public static Task<FixItApp> StartAsync(DatabaseProvider provider, SmtpSink sink, Action<Dictionary<string, string?>>? adjust = null,
        bool fakeClock = false)
    {
        var settings = SmtpSettings(sink);
        adjust?.Invoke(settings);
        return FixItApp.StartAsync(provider, settings, fakeClock: fakeClock);
    }

    private static readonly TimeSpan ClockedRetryBase = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan ClockedRetryMax = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Retries that wait far longer than any test (30–60 s after the first failed attempt, at most 10 minutes), for an
    /// app started with <c>fakeClock: true</c>: the next attempt comes when the test moves the clock on by
    /// <see cref="RetryCeiling"/>, never by waiting. The lease is longer than any such move, so moving the clock never
    /// hands a message in flight to another worker.
    /// </summary>
    public static void ClockedRetries(Dictionary<string, string?> settings)
    {
        settings["Mail:RetryBaseDelay"] = ClockedRetryBase.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        settings["Mail:RetryMaxDelay"] = ClockedRetryMax.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        settings["Mail:Lease"] = "01:00:00";
    }

    /// <summary>The longest back-off after failed attempt number <paramref name="attempt"/> with <see cref="ClockedRetries"/> (RetryPolicy: doubling, capped).</summary>
    public static TimeSpan RetryCeiling(int attempt) =>
        TimeSpan.FromTicks(Math.Min(ClockedRetryMax.Ticks, ClockedRetryBase.Ticks << Math.Min(attempt - 1, 20)));

    /// <summary>The message waits out its back-off on the app's clock: due again between half the ceiling and the ceiling after its last attempt.</summary>
    public static void AssertWaitsForBackOff(FixItApp app, FixIt.Domain.Messaging.OutboxMessage row)
    {
        var ceiling = RetryCeiling(row.Attempts);
        // The clock has followed real time since the attempt was recorded: a few seconds at most.
        Assert.InRange(row.NextAttemptAt - app.Clock!.GetUtcNow(), ceiling / 2 - TimeSpan.FromSeconds(10), ceiling);
    }

    /// <summary>A little past the confirmation links' lifetime (MailOptions.ConfirmLinkLifetime, 14 days by default).</summary>
    public static readonly TimeSpan PastConfirmLinkLifetime = TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1);

    /// <summary>The path of the first link in the text part whose path starts with <paramref name="prefix"/>, e.g. "confirm/".</summary>
    public static string LinkPath(ReceivedMail mail, string prefix) => LinkPath(mail.Text, prefix);

    public static string LinkPath(string text, string prefix)
    {
        var match = Regex.Matches(text, @"https?://[^\s<>""]+").Select(m => new Uri(m.Value))
            .FirstOrDefault(u => u.AbsolutePath.TrimStart('/').StartsWith(prefix, StringComparison.Ordinal));
        Assert.True(match is not null, $"No {prefix} link in:\n{text}");
        Assert.StartsWith(PublicBaseUrl, match!.ToString(), StringComparison.Ordinal);
        return match.PathAndQuery.TrimStart('/');
    }

    /// <summary>GETs a link page, then POSTs its form with the antiforgery field it carried (and any extra fields).</summary>
    public static Task<HttpResponseMessage> SubmitLinkFormAsync(this HttpClient client, string path, params (string Name, string Value)[] fields) =>
        client.SubmitFormAsync(path, path, fields);

    /// <summary>GETs <paramref name="pagePath"/> and POSTs its antiforgery field, with <paramref name="fields"/>, to <paramref name="postPath"/>, as a browser would.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pagePath, string postPath, params (string Name, string Value)[] fields)
    {
        using var page = await client.GetAsync(pagePath);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {pagePath}: {(int)page.StatusCode}\n{html}");
        var hidden = HiddenField().Match(html);
        Assert.True(hidden.Success, $"No antiforgery field on {pagePath}");
        var form = new List<KeyValuePair<string, string>> { new(WebUtility.HtmlDecode(hidden.Groups[1].Value), WebUtility.HtmlDecode(hidden.Groups[2].Value)) };
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(postPath, new FormUrlEncodedContent(form));
    }

    public static string UniqueEmail(string name) => $"{name}.{Guid.NewGuid():N}@example.net";

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"")]
    private static partial Regex HiddenField();
}
