using FixIt.Domain.Routing;
using FixIt.Domain.Spatial;
using FixIt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;
using NetTopologySuite.IO;

namespace FixIt.Infrastructure.Routing;

/// <summary>Reads areas, rules and names at one routing version and builds a snapshot from them.</summary>
internal static class RoutingSnapshotLoader
{
    public static async Task<long> ReadVersionAsync(FixItDbContext db, CancellationToken cancellationToken) =>
        await db.RoutingVersions.AsNoTracking().Where(v => v.Id == RoutingVersion.SingletonId)
            .Select(v => v.Version).SingleOrDefaultAsync(cancellationToken);

    public static async Task<RoutingSnapshot> LoadAsync(FixItDbContext db, Action<int> skipped, CancellationToken cancellationToken)
    {
        // Version first: a change committed while loading makes the next poll rebuild again, never miss it.
        var version = await ReadVersionAsync(db, cancellationToken);
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Name, a.Code, a.Kind, a.Size, a.GeometryWkb }).ToListAsync(cancellationToken);
        // A deactivated operator's rules are left out: no new report is routed to it (its name still names old reports).
        var rules = await db.RoutingRules.AsNoTracking()
            .Where(r => db.Operators.Any(o => o.Id == r.OperatorId && o.IsActive)).ToListAsync(cancellationToken);
        var operators = await db.Operators.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);

        // Packed coordinates: one double array per ring instead of an object per vertex, which for a million-vertex
        // boundary set is most of a rebuild's garbage (the index copies the coordinates into its own array anyway).
        var reader = new WKBReader(new NtsGeometryServices(PackedCoordinateSequenceFactory.DoubleFactory));
        var shapes = new List<IndexedArea>(areas.Count);
        foreach (var area in areas)
        {
            // Imports only store valid polygons; anything else (a hand-edited row) is left out, not fatal.
            var geometry = TryRead(reader, area.GeometryWkb);
            if (geometry is (Polygon or MultiPolygon) and { IsEmpty: false })
            {
                shapes.Add(new IndexedArea(area.Id, geometry));
            }
            else
            {
                skipped(area.Id);
            }
        }

        var index = await Task.Run(() => new AreaIndexBuilder().Build(shapes), cancellationToken);
        return new RoutingSnapshot(
            version,
            index,
            areas.ToDictionary(a => a.Id, a => new ContainingArea(a.Id, a.Name, a.Code, a.Kind, a.Size)),
            rules.Where(r => r.AreaId is not null).GroupBy(r => r.AreaId!.Value).ToDictionary(g => g.Key, g => g.ToArray()),
            [.. rules.Where(r => r.AreaId is null)],
            new RoutingNames(operators, categories));
    }

    private static Geometry? TryRead(WKBReader reader, byte[] wkb)
    {
        try
        {
            return reader.Read(wkb);
        }
        catch (ParseException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
