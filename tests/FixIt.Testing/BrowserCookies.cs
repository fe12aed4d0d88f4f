using System.Net;
using System.Text.RegularExpressions;

namespace FixIt.IntegrationTests.Infrastructure;

/// <summary>
/// The tests' client stands where a browser behind a TLS-terminating proxy stands: FixIt marks its cookies Secure
/// when Site:PublicBaseUrl is https, and the browser on the https side keeps and returns them. The tests talk plain
/// http to Kestrel, where HttpClient's own cookie handling would drop Secure cookies, so this handler keeps them.
/// The Set-Cookie headers reach the test unchanged.
/// </summary>
public sealed partial class BrowserCookies() : DelegatingHandler(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
{
    private readonly CookieContainer _cookies = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var cookie = _cookies.GetCookieHeader(uri);
        if (cookie.Length > 0)
        {
            request.Headers.Add("Cookie", cookie);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
            {
                _cookies.SetCookies(uri, SecureAttribute().Replace(value, ""));
            }
        }

        return response;
    }

    [GeneratedRegex(@";\s*secure\s*(?=;|$)", RegexOptions.IgnoreCase)]
    private static partial Regex SecureAttribute();
}
