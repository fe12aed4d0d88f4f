using FixIt.Application.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Areas.ListAreaChoices;

/// <summary>Areas by name with their bounding boxes, for the map's area filter (geometry stays in the database).</summary>
public sealed record ListAreaChoicesQuery : IQuery<IReadOnlyList<AreaChoice>>;

public sealed record AreaChoice(int Id, string Name, string Kind, double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude);

internal sealed class ListAreaChoicesHandler(IFixItDb db) : IQueryHandler<ListAreaChoicesQuery, IReadOnlyList<AreaChoice>>
{
    public async ValueTask<IReadOnlyList<AreaChoice>> Handle(ListAreaChoicesQuery query, CancellationToken cancellationToken) =>
        await db.Areas.AsNoTracking().OrderBy(a => a.Name).ThenBy(a => a.Kind)
            .Select(a => new AreaChoice(a.Id, a.Name, a.Kind, a.MinLongitude, a.MinLatitude, a.MaxLongitude, a.MaxLatitude))
            .Take(2000)
            .ToListAsync(cancellationToken);
}
