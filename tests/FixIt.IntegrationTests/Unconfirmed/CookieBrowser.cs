using System.Net;

namespace FixIt.IntegrationTests.Unconfirmed;

/// <summary>
/// A browser's cookie jar over plain HTTP: keeps every cookie the app sets (Secure ones too, as a browser behind a
/// TLS-terminating proxy would) and sends them back, so "the same browser" is a thing a test can be.
/// </summary>
public sealed class CookieBrowser(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _client = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress };
    private readonly Dictionary<string, string> _cookies = [];

    public HttpClient Client => _client;

    /// <summary>Every Set-Cookie header the app has sent this browser, as sent.</summary>
    public List<string> SetCookies { get; } = [];

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public Task<HttpResponseMessage> PostAsync(string path, HttpContent content) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = content });

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await _client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                SetCookies.Add(header);
                var pair = header.Split(';')[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                _cookies[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
            }
        }

        return response;
    }

    /// <summary>Replaces a cookie's value, as someone tampering with their own browser could.</summary>
    public void SetCookie(string name, string value) => _cookies[name] = WebUtility.UrlEncode(value);

    public void Dispose() => _client.Dispose();
}
