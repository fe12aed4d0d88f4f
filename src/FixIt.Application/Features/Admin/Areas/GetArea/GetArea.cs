using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Admin.Areas.ListAreas;
using FixIt.Application.Features.Admin.Rules;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Areas.GetArea;

/// <summary>One area with its geometry (WKB) and the routing rules that name it.</summary>
public sealed record GetAreaQuery(int Id) : IQuery<AreaDetail>;

public sealed record AreaDetail(AreaSummary Area, byte[] GeometryWkb, IReadOnlyList<RuleView> Rules);

internal sealed class GetAreaHandler(IFixItDb db) : IQueryHandler<GetAreaQuery, AreaDetail>
{
    public async ValueTask<AreaDetail> Handle(GetAreaQuery query, CancellationToken cancellationToken)
    {
        var area = await db.Areas.AsNoTracking().Where(a => a.Id == query.Id)
            .Select(a => new
            {
                Summary = new AreaSummary(a.Id, a.Kind, a.Code, a.Name, a.Size,
                    new[] { a.MinLongitude, a.MinLatitude, a.MaxLongitude, a.MaxLatitude }, a.Source),
                a.GeometryWkb,
            })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Area", query.Id);
        var rules = await RuleViews.ListAsync(db, r => r.AreaId == query.Id, cancellationToken);
        return new AreaDetail(area.Summary, area.GeometryWkb, rules);
    }
}
