using FixIt.Application.Abstractions;
using FixIt.Domain.Places;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Places.NearestPlace;

/// <summary>
/// Reverse lookup: the named place nearest a point, within <see cref="PlaceCells.NearMetres"/>, for "near Stop 4,
/// Park Lane" on a report, its emails and the operator's subject line. One index lookup of the cells around the point.
/// </summary>
public sealed class NearestPlaceFinder(IFixItDb db)
{
    public async Task<string?> FindAsync(double latitude, double longitude, CancellationToken cancellationToken)
    {
        var cells = PlaceCells.Around(latitude, longitude).ToArray();
        var near = await db.Places.AsNoTracking().Where(p => cells.Contains(p.Cell))
            .Select(p => new { p.Name, p.Latitude, p.Longitude })
            .ToListAsync(cancellationToken);
        return near
            .Select(p => (p.Name, Metres: PlaceCells.Metres(latitude, longitude, p.Latitude, p.Longitude)))
            .Where(p => p.Metres <= PlaceCells.NearMetres)
            .OrderBy(p => p.Metres)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name)
            .FirstOrDefault();
    }
}
