using System.Globalization;
using FixIt.Application.Common;
using Microsoft.AspNetCore.Localization;

namespace FixIt.Web.Infrastructure.Localization;

/// <summary>
/// The language a resident asks in, as commands carry it: the request's UI culture (<see cref="FixItLocalization"/>: the
/// switcher's cookie, then <c>Accept-Language</c>) as one of <see cref="SiteLanguages"/>.
/// </summary>
internal static class RequestLanguage
{
    public static string Current => SiteLanguages.Normalise(CultureInfo.CurrentUICulture.Name);

    /// <summary>
    /// Puts the request's culture back on the current flow. Middleware that runs outside the localization middleware (the
    /// exception handler, which sees the exception after the inner flow's culture is gone) calls this before wording
    /// anything; the culture chosen for the request is kept on <see cref="IRequestCultureFeature"/>.
    /// </summary>
    public static void Restore(HttpContext context)
    {
        if (context.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } chosen)
        {
            CultureInfo.CurrentCulture = chosen.Culture;
            CultureInfo.CurrentUICulture = chosen.UICulture;
        }
    }
}
