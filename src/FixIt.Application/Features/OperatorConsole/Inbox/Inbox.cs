using FixIt.Application.Abstractions;
using FixIt.Application.Features.Operators.GetOperatorFigures;
using FixIt.Application.Features.Reports.SearchReports;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.OperatorConsole.Inbox;

public enum InboxOrder
{
    /// <summary>Newest published first.</summary>
    Newest,

    /// <summary>Open reports by how far past their target they are (furthest first), then the rest, newest first.</summary>
    MostOverdue,
}

/// <summary>
/// An operator's inbox in the console: its public reports (never a hidden or unconfirmed one), filtered and ordered, a page
/// at a time. The caller has checked the console scope (<see cref="ConsoleOperatorQuery"/>).
/// </summary>
/// <param name="Statuses">Only these statuses (kept to public ones); null: every public status.</param>
/// <param name="PastTarget">Only open reports past their target: unanswered after the acknowledge target, unfixed after the fix target.</param>
public sealed record InboxQuery(
    OperatorInfo Operator,
    IReadOnlyList<ReportStatus>? Statuses,
    string? CategoryCode,
    int? AreaId,
    int? MaxAgeDays,
    bool PastTarget,
    InboxOrder Order,
    int Page = 1,
    int PageSize = InboxQuery.DefaultPageSize) : IQuery<InboxResult>
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
}

/// <param name="DueAt">When an open report's next target falls (acknowledge, then fix); null once it is fixed or closed.</param>
public sealed record InboxItem(int Id, string Title, string CategoryName, ReportStatus Status, StatusType StatusType, double Latitude,
    double Longitude, DateTimeOffset PublishedAt, DateTimeOffset? DueAt, bool PastTarget);

public sealed record InboxResult(IReadOnlyList<InboxItem> Items, int Total, int Page, int PageSize)
{
    public bool HasMore => Page * PageSize < Total;
}

internal sealed class InboxHandler(IFixItDb db, TimeProvider clock, ReportSummaries summaries) : IQueryHandler<InboxQuery, InboxResult>
{
    public async ValueTask<InboxResult> Handle(InboxQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var op = query.Operator;
        var reports = db.Reports.AsNoTracking().Where(ReportStatusRules.IsPublicReport).Where(r => r.OperatorId == op.Id);
        if (query.Statuses is { } statuses)
        {
            var wanted = statuses.Where(ReportStatusRules.IsPublic).ToList();
            reports = reports.Where(r => wanted.Contains(r.Status));
        }

        if (!string.IsNullOrEmpty(query.CategoryCode))
        {
            var categoryId = await db.Categories.Where(c => c.Code == query.CategoryCode).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
            reports = reports.Where(r => r.CategoryId == (categoryId ?? -1));
        }

        if (query.AreaId is { } areaId)
        {
            reports = reports.Where(r => r.Areas.Any(a => a.AreaId == areaId));
        }

        if (query.MaxAgeDays is { } days)
        {
            var since = now.AddDays(-days);
            reports = reports.Where(r => r.CreatedAt >= since);
        }

        var acknowledgeCutoff = now.AddDays(-op.AcknowledgeTargetDays);
        var fixCutoff = now.AddDays(-op.FixTargetDays);
        var open = reports.Where(ReportStatusRules.IsOpenReport);
        if (query.PastTarget)
        {
            reports = open = open.Where(r => (r.AcknowledgedAt == null && r.ConfirmedAt <= acknowledgeCutoff)
                || (r.AcknowledgedAt != null && r.ConfirmedAt <= fixCutoff));
        }

        var pageSize = Math.Clamp(query.PageSize, 1, InboxQuery.MaxPageSize);
        var page = Math.Max(1, query.Page);
        var skip = (page - 1) * pageSize;
        var total = await reports.CountAsync(cancellationToken);
        var rows = query.Order == InboxOrder.MostOverdue
            ? await MostOverdueAsync(reports, open, op, skip, pageSize, cancellationToken)
            : await Rows(reports.OrderByDescending(r => r.ConfirmedAt).ThenByDescending(r => r.Id)).Skip(skip).Take(pageSize).ToListAsync(cancellationToken);

        var categories = await summaries.CategoriesAsync(cancellationToken);
        var items = rows.Select(r =>
        {
            var due = Due(r, op);
            return new InboxItem(r.Id, r.Title, categories.GetValueOrDefault(r.CategoryId).Name ?? "", r.Status, ReportStatusRules.TypeOf(r.Status),
                r.Latitude, r.Longitude, r.ConfirmedAt ?? r.CreatedAt, due, due <= now);
        }).ToList();
        return new InboxResult(items, total, page, pageSize);
    }

    /// <summary>
    /// Open reports by when their target fell due: the unanswered ones against the acknowledge target and the answered ones
    /// against the fix target, each an ordered range by publication merged here; then the fixed and closed ones, newest first.
    /// </summary>
    private static async Task<List<InboxRow>> MostOverdueAsync(IQueryable<Report> reports, IQueryable<Report> open, OperatorInfo op, int skip, int take,
        CancellationToken cancellationToken)
    {
        var openCount = await open.CountAsync(cancellationToken);
        var rows = new List<InboxRow>();
        if (skip < openCount)
        {
            var need = skip + take;
            var unanswered = await Rows(open.Where(r => r.AcknowledgedAt == null).OrderBy(r => r.ConfirmedAt).ThenBy(r => r.Id))
                .Take(need).ToListAsync(cancellationToken);
            var answered = await Rows(open.Where(r => r.AcknowledgedAt != null).OrderBy(r => r.ConfirmedAt).ThenBy(r => r.Id))
                .Take(need).ToListAsync(cancellationToken);
            rows.AddRange(unanswered.Concat(answered).Select(r => (Row: r, Due: Due(r, op)))
                .OrderBy(x => x.Due).ThenBy(x => x.Row.Id).Skip(skip).Take(take).Select(x => x.Row));
        }

        if (rows.Count < take)
        {
            var openStatuses = ReportStatusRules.StatusesOf(StatusType.Open);
            rows.AddRange(await Rows(reports.Where(r => !openStatuses.Contains(r.Status)).OrderByDescending(r => r.ConfirmedAt).ThenByDescending(r => r.Id))
                .Skip(Math.Max(0, skip - openCount)).Take(take - rows.Count).ToListAsync(cancellationToken));
        }

        return rows;
    }

    private static IQueryable<InboxRow> Rows(IQueryable<Report> reports) =>
        reports.Select(r => new InboxRow(r.Id, r.Title, r.CategoryId, r.Status, r.Latitude, r.Longitude, r.CreatedAt, r.ConfirmedAt, r.AcknowledgedAt));

    private static DateTimeOffset? Due(InboxRow row, OperatorInfo op) =>
        ReportStatusRules.TypeOf(row.Status) != StatusType.Open
            ? null
            : (row.ConfirmedAt ?? row.CreatedAt).AddDays(row.AcknowledgedAt is null ? op.AcknowledgeTargetDays : op.FixTargetDays);
}

internal sealed record InboxRow(int Id, string Title, int CategoryId, ReportStatus Status, double Latitude, double Longitude, DateTimeOffset CreatedAt,
    DateTimeOffset? ConfirmedAt, DateTimeOffset? AcknowledgedAt);
