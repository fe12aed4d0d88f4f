using System.Globalization;
using FixIt.Application.Common;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Components.Shared;

/// <summary>
/// How figures and dates read on the pages, in the reader's culture: durations in hours or days, shares in per cent,
/// "—" for none; dates as "7 Dec 2026, 18:00" in English and "7 Rhagfyr 2026, 18:00" in Welsh (months in full, as
/// Welsh abbreviations are not read as easily).
/// </summary>
internal static class Figures
{
    /// <summary>In English, for the staff console (English only).</summary>
    public static string Duration(double? hours) => hours switch
    {
        null => "—",
        < 48 => $"{hours.Value.ToString("0.#", CultureInfo.InvariantCulture)} hours",
        _ => $"{(hours.Value / 24).ToString("0.#", CultureInfo.InvariantCulture)} days",
    };

    public static string Duration(double? hours, IStringLocalizer<SharedText> text) => hours switch
    {
        null => "—",
        < 48 => text["{0} hours", hours.Value.ToString("0.#", CultureInfo.CurrentCulture)],
        _ => text["{0} days", (hours.Value / 24).ToString("0.#", CultureInfo.CurrentCulture)],
    };

    public static string Share(double? share) =>
        share is { } s ? (s * 100).ToString("0", CultureInfo.CurrentCulture) + "%" : "—";

    public static string Count(int n) => n.ToString("#,0", CultureInfo.CurrentCulture);

    public static string DateTime(DateTimeOffset local) =>
        local.ToString(IsEnglish ? "d MMM yyyy, HH:mm" : "d MMMM yyyy, HH:mm", CultureInfo.CurrentCulture);

    private static bool IsEnglish => CultureInfo.CurrentCulture.TwoLetterISOLanguageName == SiteLanguages.English;
}
