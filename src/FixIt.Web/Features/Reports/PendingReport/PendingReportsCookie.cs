using FixIt.Application.Common;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Features.Reports.PendingReport;

/// <summary>
/// The reports this browser submitted through the web form, with their secret link tokens, so the same browser sees its
/// report at /reports/{id} before it is confirmed. HttpOnly, SameSite=Lax, a session cookie, and protected by Data
/// Protection: it can be neither read nor forged by script or by another site.
/// </summary>
internal sealed class PendingReportsCookie(IDataProtectionProvider dataProtection, IOptions<SiteOptions> site)
{
    public const string Name = "fixit-pending";

    // Enough for anyone's afternoon; the oldest drop off first.
    private const int MaxReports = 20;

    private readonly IDataProtector _protector = dataProtection.CreateProtector("FixIt.PendingReports.v1");

    public string? TokenFor(HttpContext context, int reportId) =>
        Read(context).FirstOrDefault(e => e.ReportId == reportId).Token;

    public void Remember(HttpContext context, int reportId, string token)
    {
        var entries = Read(context).Where(e => e.ReportId != reportId).Prepend((ReportId: reportId, Token: token)).Take(MaxReports);
        var text = string.Join(';', entries.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.ReportId}:{e.Token}")));
        context.Response.Cookies.Append(Name, _protector.Protect(text), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = site.Value.IsHttps,
            Path = "/",
            IsEssential = true,
        });
    }

    private List<(int ReportId, string Token)> Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value))
        {
            return [];
        }

        string text;
        try
        {
            text = _protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            // Tampered with, or from keys long gone: as if there were none.
            return [];
        }

        var entries = new List<(int, string)>();
        foreach (var entry in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && int.TryParse(entry.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                entries.Add((id, entry[(colon + 1)..]));
            }
        }

        return entries;
    }
}
