using FixIt.Application.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Areas.ListAreas;

public sealed record ListAreasQuery(string? Kind) : IQuery<IReadOnlyList<AreaSummary>>;

public sealed record AreaSummary(int Id, string Kind, string Code, string Name, double Size, double[] BoundingBox, string Source);

internal sealed class ListAreasHandler(IFixItDb db) : IQueryHandler<ListAreasQuery, IReadOnlyList<AreaSummary>>
{
    public async ValueTask<IReadOnlyList<AreaSummary>> Handle(ListAreasQuery query, CancellationToken cancellationToken) =>
        await db.Areas.AsNoTracking()
            .Where(a => query.Kind == null || a.Kind == query.Kind)
            .OrderBy(a => a.Kind).ThenBy(a => a.Code)
            .Select(a => new AreaSummary(a.Id, a.Kind, a.Code, a.Name, a.Size,
                new[] { a.MinLongitude, a.MinLatitude, a.MaxLongitude, a.MaxLatitude }, a.Source))
            .ToListAsync(cancellationToken);
}
