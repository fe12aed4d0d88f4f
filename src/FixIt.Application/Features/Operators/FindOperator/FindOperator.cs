using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Operators.GetOperatorFigures;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Operators.FindOperator;

/// <summary>One operator by slug, with the areas its rules cover; 404 when there is none.</summary>
public sealed record FindOperatorQuery(string Slug) : IQuery<OperatorWithAreas>;

public sealed record OperatorWithAreas(OperatorInfo Operator, IReadOnlyList<OperatorArea> Areas);

internal sealed class FindOperatorHandler(IFixItDb db) : IQueryHandler<FindOperatorQuery, OperatorWithAreas>
{
    public async ValueTask<OperatorWithAreas> Handle(FindOperatorQuery query, CancellationToken cancellationToken)
    {
        var info = await db.Operators.AsNoTracking().Where(o => o.Slug == query.Slug)
            .Select(o => new OperatorInfo(o.Id, o.Name, o.Slug, o.Kind, o.AcknowledgeTargetDays, o.FixTargetDays))
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Operator", query.Slug);
        var areaIds = await db.RoutingRules.AsNoTracking().Where(r => r.OperatorId == info.Id && r.AreaId != null)
            .Select(r => r.AreaId!.Value).Distinct().ToListAsync(cancellationToken);
        var areas = await db.Areas.AsNoTracking().Where(a => areaIds.Contains(a.Id)).OrderBy(a => a.Name)
            .Select(a => new OperatorArea(a.Id, a.Name, a.Kind, a.GeometryWkb)).ToListAsync(cancellationToken);
        return new OperatorWithAreas(info, areas);
    }
}
