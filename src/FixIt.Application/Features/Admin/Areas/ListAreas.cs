using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Routing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Areas;

public sealed record ListAreasQuery(string? Kind) : IQuery<IReadOnlyList<AreaSummary>>;

public sealed record AreaSummary(int Id, string Kind, string Code, string Name, double Size, double[] BoundingBox, string Source);

/// <summary>Removes an area; refused (409) while a routing rule still names it.</summary>
public sealed record DeleteAreaCommand(int Id) : ICommand<bool>, IChangesRouting;

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

internal sealed class DeleteAreaHandler(IFixItDb db) : ICommandHandler<DeleteAreaCommand, bool>
{
    public async ValueTask<bool> Handle(DeleteAreaCommand command, CancellationToken cancellationToken)
    {
        var area = await db.Areas.SingleOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Area", command.Id);
        if (await db.RoutingRules.AnyAsync(r => r.AreaId == command.Id, cancellationToken))
        {
            throw new InUseException($"Area {command.Id} is still named by routing rules; delete those first.");
        }

        db.Areas.Remove(area);
        await db.SaveChangesAsync(cancellationToken);
        await db.BumpRoutingVersionAsync(cancellationToken);
        return true;
    }
}
