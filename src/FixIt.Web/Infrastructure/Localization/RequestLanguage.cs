using System.Globalization;
using FixIt.Application.Common;

namespace FixIt.Web.Infrastructure.Localization;

/// <summary>
/// The language a resident asks in, as commands carry it: the request's UI culture (<see cref="FixItLocalization"/>: the
/// switcher's cookie, then <c>Accept-Language</c>) as one of <see cref="SiteLanguages"/>.
/// </summary>
internal static class RequestLanguage
{
    public static string Current => SiteLanguages.Normalise(CultureInfo.CurrentUICulture.Name);
}
