using System.Globalization;
using System.Security.Cryptography;
using FixIt.Application.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Features.Reports.GetReport;

/// <summary>What the report page says once, to the person who has just acted on the report.</summary>
internal enum ReportNotice
{
    /// <summary>The web form was sent: "Your report is saved; check your email".</summary>
    Submitted,

    /// <summary>The reporter confirmed from the emailed link: the thank-you with what happens next.</summary>
    Confirmed,

    /// <summary>A resident added an update from their emailed link: "your update is on the page".</summary>
    Updated,
}

/// <summary>
/// A one-time notice for the report page, set by the step that earns it (the form's POST, the confirm link's POST) on
/// the redirect to the page, and cleared by the page that shows it. A query string would show the thank-you to anyone
/// who typed it, on any report. HttpOnly, SameSite=Lax, scoped to the report's own path, protected by Data Protection
/// (neither forged nor moved to another report) and good for a few minutes.
/// </summary>
internal sealed class ReportNoticeCookie(IDataProtectionProvider dataProtection, IOptions<SiteOptions> site, TimeProvider clock)
{
    public const string Name = "fixit-notice";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("FixIt.ReportNotice.v1");

    public void Set(HttpContext context, int reportId, ReportNotice notice) =>
        context.Response.Cookies.Append(Name, ValueFor(reportId, notice), Options(reportId, Lifetime));

    /// <summary>The cookie's protected value for the notice, good from now for its lifetime.</summary>
    public string ValueFor(int reportId, ReportNotice notice)
    {
        var expires = clock.GetUtcNow() + Lifetime;
        return _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{notice}:{reportId}:{expires.ToUnixTimeSeconds()}"));
    }

    /// <summary>The notice waiting for this report's page, if any; it is used up (the cookie is deleted) either way.</summary>
    public ReportNotice? Take(HttpContext context, int reportId)
    {
        if (!context.Request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        context.Response.Cookies.Delete(Name, Options(reportId, TimeSpan.Zero));
        string text;
        try
        {
            text = _protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = text.Split(':');
        return parts.Length == 3
            && Enum.TryParse<ReportNotice>(parts[0], out var notice)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id == reportId
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && clock.GetUtcNow().ToUnixTimeSeconds() <= expires
                ? notice
                : null;
    }

    private CookieOptions Options(int reportId, TimeSpan maxAge) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = site.Value.IsHttps,
        Path = ReportPaths.Public(reportId),
        MaxAge = maxAge,
        IsEssential = true,
    };
}
