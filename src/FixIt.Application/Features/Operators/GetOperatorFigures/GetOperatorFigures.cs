using FixIt.Application.Abstractions;
using FixIt.Application.Features.Operators.FindOperator;
using FixIt.Application.Features.Reports.SearchReports;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Operators.GetOperatorFigures;

/// <summary>Everything the public page of one operator shows: its figures, its open reports, its areas.</summary>
public sealed record GetOperatorFiguresQuery(string Slug) : IQuery<OperatorFigures>;

public sealed record OperatorInfo(int Id, string Name, string Slug, string Kind, int AcknowledgeTargetDays, int FixTargetDays);

public sealed record StatusCount(ReportStatus Status, int Count);

public sealed record CategoryCount(string CategoryCode, string CategoryName, int Count);

public sealed record MonthCount(DateOnly Month, int Reported, int Fixed);

public sealed record OperatorArea(int Id, string Name, string Kind, byte[] GeometryWkb);

public sealed record OperatorFigures(
    OperatorInfo Operator,
    ResponseFigures Response,
    IReadOnlyList<StatusCount> ByStatus,
    IReadOnlyList<CategoryCount> ByCategory,
    IReadOnlyList<ReportSummary> OldestOpen,
    IReadOnlyList<ReportSummary> NewestOpen,
    IReadOnlyList<MonthCount> Trend,
    IReadOnlyList<OperatorArea> Areas)
{
    public int OpenCount => ByStatus.Where(s => ReportStatusRules.TypeOf(s.Status) == StatusType.Open).Sum(s => s.Count);

    public int PublicCount => ByStatus.Sum(s => s.Count);

    /// <summary>Confirmed "me too"s on the operator's public reports: people who had the same problem and did not file it again.</summary>
    public int SupporterCount { get; init; }
}

internal sealed class GetOperatorFiguresHandler(IFixItDb db, IMediator mediator, OperatorStatistics statistics, ReportSummaries summaries)
    : IQueryHandler<GetOperatorFiguresQuery, OperatorFigures>
{
    private const int OpenListLength = 10;

    public async ValueTask<OperatorFigures> Handle(GetOperatorFiguresQuery query, CancellationToken cancellationToken)
    {
        var (info, areas) = await mediator.Send(new FindOperatorQuery(query.Slug), cancellationToken);

        var counts = await db.Reports.AsNoTracking().Where(r => r.OperatorId == info.Id)
            .GroupBy(r => new { r.Status, r.CategoryId })
            .Select(g => new { g.Key.Status, g.Key.CategoryId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var visible = counts.Where(c => ReportStatusRules.IsPublic(c.Status)).ToList();
        var categories = await summaries.CategoriesAsync(cancellationToken);

        var byStatus = visible.GroupBy(c => c.Status).OrderBy(g => g.Key).Select(g => new StatusCount(g.Key, g.Sum(c => c.Count))).ToList();
        var byCategory = visible.GroupBy(c => c.CategoryId)
            .Select(g => new CategoryCount(categories.GetValueOrDefault(g.Key).Code ?? "", categories.GetValueOrDefault(g.Key).Name ?? "", g.Sum(c => c.Count)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.CategoryName)
            .ToList();
        var publicReports = db.Reports.AsNoTracking().Where(ReportStatusRules.IsPublicReport).Where(r => r.OperatorId == info.Id).Select(r => r.Id);
        var supporters = await db.ReportSupports.CountAsync(s => s.ConfirmedAt != null && publicReports.Contains(s.ReportId), cancellationToken);

        return new OperatorFigures(
            info,
            await statistics.ResponseAsync(info, cancellationToken),
            byStatus,
            byCategory,
            await summaries.ToSummariesAsync(await statistics.OpenReportsAsync(info.Id, oldestFirst: true, OpenListLength, cancellationToken), cancellationToken),
            await summaries.ToSummariesAsync(await statistics.OpenReportsAsync(info.Id, oldestFirst: false, OpenListLength * 5, cancellationToken), cancellationToken),
            await statistics.TrendAsync(info.Id, months: 12, cancellationToken),
            areas)
        {
            SupporterCount = supporters,
        };
    }
}
