using FixIt.Application.Abstractions;
using FixIt.Application.Features.Operators.GetOperatorFigures;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Operators.ListOperatorLeague;

/// <summary>The league table: every operator with public reports, best share answered within target first.</summary>
public sealed record ListOperatorLeagueQuery : IQuery<IReadOnlyList<LeagueRow>>;

public sealed record LeagueRow(OperatorInfo Operator, int Reports, int Open, int Fixed, ResponseFigures Response);

internal sealed class ListOperatorLeagueHandler(IFixItDb db, OperatorStatistics statistics) : IQueryHandler<ListOperatorLeagueQuery, IReadOnlyList<LeagueRow>>
{
    public async ValueTask<IReadOnlyList<LeagueRow>> Handle(ListOperatorLeagueQuery query, CancellationToken cancellationToken)
    {
        var counts = (await db.Reports.AsNoTracking().Where(r => r.OperatorId != null)
                .GroupBy(r => new { r.OperatorId, r.Status })
                .Select(g => new { g.Key.OperatorId, g.Key.Status, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .Where(c => ReportStatusRules.IsPublic(c.Status))
            .GroupBy(c => c.OperatorId!.Value)
            .ToDictionary(g => g.Key, g => g.ToList());

        var operators = await db.Operators.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new OperatorInfo(o.Id, o.Name, o.Slug, o.Kind, o.AcknowledgeTargetDays, o.FixTargetDays))
            .ToListAsync(cancellationToken);

        var rows = new List<LeagueRow>();
        foreach (var op in operators.Where(o => counts.ContainsKey(o.Id)))
        {
            var own = counts[op.Id];
            rows.Add(new LeagueRow(op,
                own.Sum(c => c.Count),
                own.Where(c => ReportStatusRules.TypeOf(c.Status) == StatusType.Open).Sum(c => c.Count),
                own.Where(c => ReportStatusRules.TypeOf(c.Status) == StatusType.Fixed).Sum(c => c.Count),
                await statistics.ResponseAsync(op, cancellationToken)));
        }

        return [.. rows.OrderByDescending(r => r.Response.ShareWithinTarget ?? -1).ThenBy(r => r.Operator.Name)];
    }
}
