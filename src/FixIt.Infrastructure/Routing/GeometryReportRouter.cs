using FixIt.Application.Abstractions;
using FixIt.Application.Routing;
using FixIt.Domain.Routing;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace FixIt.Infrastructure.Routing;

/// <summary>
/// Routes by testing the point against every candidate area whose bounding box holds it. Correct, and
/// fast enough for a town; the in-memory routing index replaces it on the hot path.
/// </summary>
internal sealed class GeometryReportRouter(IFixItDb db, TimeProvider clock) : IReportRouter
{
    public async Task<RoutingDecision> RouteAsync(double latitude, double longitude, int categoryId,
        IReadOnlyCollection<int> excludedOperatorIds, CancellationToken cancellationToken)
    {
        var boxes = await db.Areas.AsNoTracking()
            .Where(a => a.MinLongitude <= longitude && a.MaxLongitude >= longitude && a.MinLatitude <= latitude && a.MaxLatitude >= latitude)
            .Select(a => new { a.Id, a.Name, a.Kind, a.Size, a.GeometryWkb })
            .ToListAsync(cancellationToken);

        var point = new Point(longitude, latitude);
        var reader = new WKBReader();
        var areas = boxes.Where(a => reader.Read(a.GeometryWkb).Covers(point))
            .Select(a => new ContainingArea(a.Id, a.Name, a.Kind, a.Size))
            .ToList();

        var rules = await db.RoutingRules.AsNoTracking().ToListAsync(cancellationToken);
        var names = new Names(
            await db.Operators.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken),
            await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken));
        var candidates = RoutingResolver.Candidates(areas, rules, categoryId, clock.GetUtcNow(), names);
        return RoutingResolver.Decide(areas, candidates, excludedOperatorIds);
    }

    private sealed class Names(Dictionary<int, string> operators, Dictionary<int, string> categories) : IRoutingNames
    {
        public string Operator(int id) => operators.GetValueOrDefault(id, $"operator {id}");

        public string Category(int id) => categories.GetValueOrDefault(id, $"category {id}");
    }
}
