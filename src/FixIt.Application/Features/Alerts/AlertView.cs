using System.Globalization;
using FixIt.Application.Abstractions;
using FixIt.Domain.Alerts;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Alerts;

/// <summary>
/// An alert as its own pages show it to the holder of its link: the place in English words (<see cref="Place"/>) and its
/// parts, for pages that word it in the reader's language (the area's name and kind; null for a point, or an area since
/// removed), the categories, how often.
/// </summary>
public sealed record AlertView(long Id, string Place, IReadOnlyList<string> Categories, AlertFrequency Frequency, bool IsActive,
    int? AreaId, double? Latitude, double? Longitude, int? RadiusMetres, string? AreaName = null, string? AreaKind = null);

public static class AlertViews
{
    public static async Task<AlertView> ViewAsync(IFixItDb db, AreaAlert alert, CancellationToken cancellationToken)
    {
        var categoryIds = alert.Categories.Select(c => c.CategoryId).ToList();
        var categories = categoryIds.Count == 0 ? [] : await db.Categories.Where(c => categoryIds.Contains(c.Id)).OrderBy(c => c.Name)
            .Select(c => c.Name).ToListAsync(cancellationToken);
        var area = alert.AreaId is { } areaId
            ? await db.Areas.Where(a => a.Id == areaId).Select(a => new { a.Name, a.Kind }).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new AlertView(alert.Id, await PlaceAsync(db, alert, cancellationToken), categories, alert.Frequency, alert.IsActive,
            alert.AreaId, alert.Latitude, alert.Longitude, alert.RadiusMetres, area?.Name, area?.Kind);
    }

    /// <summary>"within 500 m of 53.80080, -1.54910" or "in Leeds (ward)".</summary>
    public static async Task<string> PlaceAsync(IFixItDb db, AreaAlert alert, CancellationToken cancellationToken)
    {
        if (alert.AreaId is { } areaId)
        {
            var area = await db.Areas.Where(a => a.Id == areaId).Select(a => new { a.Name, a.Kind }).SingleOrDefaultAsync(cancellationToken);
            return area is null ? "in an area that has since been removed" : $"in {area.Name} ({area.Kind})";
        }

        return Around(alert.Latitude!.Value, alert.Longitude!.Value, alert.RadiusMetres!.Value);
    }

    /// <summary>The Atom feed of the same place (relative to the site): the area's feed, or the reports near the point.</summary>
    public static string FeedPath(int? areaId, double? latitude, double? longitude, int? radiusMetres) => areaId is { } id
        ? string.Create(CultureInfo.InvariantCulture, $"feeds/areas/{id}.atom")
        : string.Create(CultureInfo.InvariantCulture,
            $"feeds/nearby.atom?latitude={latitude ?? 0:0.######}&longitude={longitude ?? 0:0.######}&radius={radiusMetres ?? 0}");

    public static string Around(double latitude, double longitude, int radiusMetres) => string.Create(CultureInfo.InvariantCulture,
        $"within {(radiusMetres >= 1000 ? $"{radiusMetres / 1000.0:0.#} km" : $"{radiusMetres} m")} of {latitude:0.00000}, {longitude:0.00000}");
}
