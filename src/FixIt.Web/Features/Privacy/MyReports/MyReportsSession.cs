using System.Globalization;
using System.Security.Cryptography;
using FixIt.Application.Common;
using FixIt.Application.Features.Privacy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Features.Privacy.MyReports;

/// <summary>
/// "My reports" stays open in the browser that used the emailed link for Privacy:SessionLifetime (ADR 0140): a cookie
/// holding the address and its expiry, protected by Data Protection (neither readable nor forgeable), HttpOnly,
/// SameSite=Strict and only sent to /my. The expiry inside is checked against the app's clock, whatever the browser keeps.
/// </summary>
internal sealed class MyReportsSession(IDataProtectionProvider dataProtection, IOptions<SiteOptions> site, IOptions<PrivacyOptions> privacy,
    TimeProvider clock)
{
    public const string Name = "fixit-my";
    public const string NoticeName = "fixit-my-notice";
    private const string Path = "/my";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("FixIt.MyReports.Session.v1");

    public void Start(HttpContext context, string address)
    {
        var expires = clock.GetUtcNow() + privacy.Value.SessionLifetime;
        var text = string.Create(CultureInfo.InvariantCulture, $"{expires.UtcTicks}|{address}");
        context.Response.Cookies.Append(Name, _protector.Protect(text), Options());
    }

    public void End(HttpContext context) => context.Response.Cookies.Delete(Name, Options());

    /// <summary>
    /// A one-time notice for the list ("name-hidden"), set on the redirect after an action and taken by the list, which
    /// shows it only if it is one it knows (ADR 0180: never from the query string, which anyone could link to).
    /// </summary>
    public void SetNotice(HttpContext context, string notice)
    {
        var options = Options();
        options.MaxAge = TimeSpan.FromMinutes(10);
        context.Response.Cookies.Append(NoticeName, notice, options);
    }

    /// <summary>The notice waiting for the list, if any; used up either way.</summary>
    public string? TakeNotice(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(NoticeName, out var notice) || string.IsNullOrEmpty(notice))
        {
            return null;
        }

        context.Response.Cookies.Delete(NoticeName, Options());
        return notice;
    }

    /// <summary>The address this browser opened "My reports" for, or null (none, expired, tampered with).</summary>
    public string? AddressOf(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        string text;
        try
        {
            text = _protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var bar = text.IndexOf('|', StringComparison.Ordinal);
        return bar > 0 && long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && clock.GetUtcNow().UtcTicks < ticks
            ? text[(bar + 1)..]
            : null;
    }

    private CookieOptions Options() => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = site.Value.IsHttps,
        Path = Path,
        IsEssential = true,
    };
}
