using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Operators.GetOperatorFigures;
using FixIt.Application.Features.Reports.StaffRespond;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.OperatorConsole;

/// <summary>
/// The operator whose console a staff member opens at /operator/{slug}: 404 for an unknown slug, and
/// <see cref="OutOfScopeException"/> (a 403 page, never the data) for anyone <see cref="StaffScope.MayUseConsoleAsync"/> refuses.
/// Every console page and write asks this first; the commands check again.
/// </summary>
public sealed record ConsoleOperatorQuery(string Slug, StaffCaller Caller) : IQuery<OperatorInfo>;

/// <summary>The operators whose console the caller may open, by name: all of them for an admin, their own for operator staff.</summary>
public sealed record ConsoleOperatorsQuery(StaffCaller Caller) : IQuery<IReadOnlyList<OperatorInfo>>;

internal sealed class ConsoleOperatorHandler(IFixItDb db) : IQueryHandler<ConsoleOperatorQuery, OperatorInfo>
{
    public async ValueTask<OperatorInfo> Handle(ConsoleOperatorQuery query, CancellationToken cancellationToken)
    {
        var info = await db.Operators.AsNoTracking().Where(o => o.Slug == query.Slug)
            .Select(o => new OperatorInfo(o.Id, o.Name, o.Slug, o.Kind, o.AcknowledgeTargetDays, o.FixTargetDays))
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Operator", query.Slug);
        return await StaffScope.MayUseConsoleAsync(db, query.Caller, info.Id, cancellationToken)
            ? info
            : throw new OutOfScopeException($"operator {query.Slug}");
    }
}

internal sealed class ConsoleOperatorsHandler(IFixItDb db) : IQueryHandler<ConsoleOperatorsQuery, IReadOnlyList<OperatorInfo>>
{
    public async ValueTask<IReadOnlyList<OperatorInfo>> Handle(ConsoleOperatorsQuery query, CancellationToken cancellationToken)
    {
        var operators = db.Operators.AsNoTracking();
        if (query.Caller.Role != StaffRoles.Admin)
        {
            var mine = db.StaffOperators.Where(s => query.Caller.Role == StaffRoles.Operator && s.StaffUserId == query.Caller.StaffUserId)
                .Select(s => s.OperatorId);
            operators = operators.Where(o => mine.Contains(o.Id));
        }

        return await operators.OrderBy(o => o.Name)
            .Select(o => new OperatorInfo(o.Id, o.Name, o.Slug, o.Kind, o.AcknowledgeTargetDays, o.FixTargetDays))
            .ToListAsync(cancellationToken);
    }
}
