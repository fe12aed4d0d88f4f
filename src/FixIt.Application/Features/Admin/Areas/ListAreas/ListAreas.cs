using FixIt.Application.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Areas.ListAreas;

/// <summary>Areas of a kind (or all), optionally those whose name or code contains <paramref name="Search"/> (any case).</summary>
public sealed record ListAreasQuery(string? Kind, string? Search = null) : IQuery<IReadOnlyList<AreaSummary>>;

public sealed record AreaSummary(int Id, string Kind, string Code, string Name, double Size, double[] BoundingBox, string Source);

internal sealed class ListAreasHandler(IFixItDb db) : IQueryHandler<ListAreasQuery, IReadOnlyList<AreaSummary>>
{
    public async ValueTask<IReadOnlyList<AreaSummary>> Handle(ListAreasQuery query, CancellationToken cancellationToken)
    {
        // ToLower() is translated to SQL's LOWER() on every provider; it never runs in .NET.
#pragma warning disable CA1304, CA1311, CA1862
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim().ToLowerInvariant();
        return await db.Areas.AsNoTracking()
            .Where(a => query.Kind == null || a.Kind == query.Kind)
            .Where(a => search == null || a.Name.ToLower().Contains(search) || a.Code.ToLower().Contains(search))
            .OrderBy(a => a.Kind).ThenBy(a => a.Code)
            .Select(a => new AreaSummary(a.Id, a.Kind, a.Code, a.Name, a.Size,
                new[] { a.MinLongitude, a.MinLatitude, a.MaxLongitude, a.MaxLatitude }, a.Source))
            .ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
    }
}
