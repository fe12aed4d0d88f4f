using System.Globalization;
using System.Security.Cryptography;
using FixIt.Application.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Features.Admin;

/// <summary>
/// A one-time notice for a console page after a write (redirect after post: a refresh does not send the form again), for
/// notices that name what was done ("Invitation sent to …", "Report 12 is now with …") and so cannot be a fixed
/// <c>?done=</c> word. Set on the redirect, shown and cleared by the page it names; HttpOnly, SameSite=Lax, scoped to
/// the console's paths, protected by Data Protection (neither forged nor read) and good for a few minutes.
/// </summary>
internal sealed class ConsoleNoticeCookie(IDataProtectionProvider dataProtection, IOptions<SiteOptions> site, TimeProvider clock)
{
    public const string Name = "fixit-console-notice";

    private const string Path = "/admin";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("FixIt.ConsoleNotice.v1");

    /// <summary>Keeps <paramref name="text"/> for the next view of the page at <paramref name="page"/>, and answers the redirect there.</summary>
    public IResult RedirectWith(HttpContext context, string page, string text)
    {
        var expires = (clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        context.Response.Cookies.Append(Name, _protector.Protect($"{expires}\n{page}\n{text}"), Options(Lifetime));
        return TypedResults.Redirect(page, preserveMethod: false);
    }

    /// <summary>The notice waiting for the page at <paramref name="page"/>, if any; used up (deleted) once read.</summary>
    public string? Take(HttpContext context, string page)
    {
        if (!context.Request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        string[] parts;
        try
        {
            parts = _protector.Unprotect(value).Split('\n', 3);
        }
        catch (CryptographicException)
        {
            context.Response.Cookies.Delete(Name, Options(TimeSpan.Zero));
            return null;
        }

        // Another console page leaves it for the page it names.
        if (parts.Length != 3 || parts[1] != page)
        {
            return null;
        }

        context.Response.Cookies.Delete(Name, Options(TimeSpan.Zero));
        return long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && clock.GetUtcNow().ToUnixTimeSeconds() <= expires
                ? parts[2]
                : null;
    }

    private CookieOptions Options(TimeSpan maxAge) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = site.Value.IsHttps,
        Path = Path,
        MaxAge = maxAge,
        IsEssential = true,
    };
}
