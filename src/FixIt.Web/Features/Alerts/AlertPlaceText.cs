using System.Globalization;
using FixIt.Application.Features.Alerts;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Features.Alerts;

/// <summary>An alert's place in the reader's words: "in Leeds (ward)", "within 500 m of 53.80080, -1.54910".</summary>
internal static class AlertPlaceText
{
    public static string Of(AlertView alert, IStringLocalizer<AlertPages> words)
    {
        if (alert.AreaId is not null)
        {
            return alert.AreaName is { } name ? words["in {0} ({1})", name, alert.AreaKind ?? ""] : words["in an area that has since been removed"];
        }

        var radius = alert.RadiusMetres ?? 0;
        var distance = radius >= 1000
            ? words["{0} km", (radius / 1000.0).ToString("0.#", CultureInfo.CurrentCulture)]
            : words["{0} m", radius];
        // Coordinates as the map and the feeds write them, whatever the language.
        return words["within {0} of {1}, {2}", distance.Value,
            (alert.Latitude ?? 0).ToString("0.00000", CultureInfo.InvariantCulture), (alert.Longitude ?? 0).ToString("0.00000", CultureInfo.InvariantCulture)];
    }
}
