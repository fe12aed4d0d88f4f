using System.Globalization;

namespace FixIt.Web.Components.Shared;

/// <summary>How figures read on the pages: durations in hours or days, shares in per cent, "—" for none.</summary>
internal static class Figures
{
    public static string Duration(double? hours) => hours switch
    {
        null => "—",
        < 48 => $"{hours.Value.ToString("0.#", CultureInfo.InvariantCulture)} hours",
        _ => $"{(hours.Value / 24).ToString("0.#", CultureInfo.InvariantCulture)} days",
    };

    public static string Share(double? share) =>
        share is { } s ? (s * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Count(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
