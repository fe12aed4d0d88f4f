using FixIt.Application.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Areas.ListAreas;

/// <summary>Areas by name with their bounding boxes, for the map's area filter (geometry stays in the database).</summary>
public sealed record ListAreasQuery : IQuery<IReadOnlyList<AreaChoice>>;

public sealed record AreaChoice(int Id, string Name, string Kind, double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude);

internal sealed class ListAreasHandler(IFixItDb db) : IQueryHandler<ListAreasQuery, IReadOnlyList<AreaChoice>>
{
    public async ValueTask<IReadOnlyList<AreaChoice>> Handle(ListAreasQuery query, CancellationToken cancellationToken) =>
        await db.Areas.AsNoTracking().OrderBy(a => a.Name).ThenBy(a => a.Kind)
            .Select(a => new AreaChoice(a.Id, a.Name, a.Kind, a.MinLongitude, a.MinLatitude, a.MaxLongitude, a.MaxLatitude))
            .Take(2000)
            .ToListAsync(cancellationToken);
}
