using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Reports;
using FixIt.Domain.Spatial;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.SearchReports;

/// <summary>
/// Public reports matching the map's filters, a page at a time: newest first, or west to east inside a bounding box.
/// The box is optional (the no-script list has none); hidden reports never match.
/// </summary>
public sealed record SearchReportsQuery(
    BoundingBox? Box,
    StatusType? StatusType,
    string? CategoryCode,
    string? OperatorSlug,
    int? AreaId,
    int? MaxAgeDays,
    int Limit = SearchReportsQuery.DefaultLimit,
    int Offset = 0) : IQuery<ReportSearchResult>
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1000;

    /// <summary>The largest <c>age</c> in days (a century): beyond it the start date would leave the calendar.</summary>
    public const int MaxAgeDaysLimit = 36_500;

    /// <summary>Also count every match (<see cref="ReportSearchResult.Total"/>), so a list can say what share of them it shows.</summary>
    public bool CountAll { get; init; }
}

/// <summary>West, south, east, north in WGS84 degrees: GeoJSON's bbox order; west greater than east crosses the 180° meridian.</summary>
public sealed record BoundingBox(double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude)
{
    public GeoBox ToGeoBox() => new(MinLongitude, MinLatitude, MaxLongitude, MaxLatitude);
}

public sealed record ReportSummary(int Id, string Title, string CategoryCode, string CategoryName, ReportStatus Status,
    StatusType StatusType, double Latitude, double Longitude, DateTimeOffset CreatedAt, string? OperatorName);

public sealed record ReportSearchResult(IReadOnlyList<ReportSummary> Items, int Offset, int Limit, bool HasMore)
{
    /// <summary>Every report matching the filters, when the query asked (<see cref="SearchReportsQuery.CountAll"/>).</summary>
    public int? Total { get; init; }
}

internal sealed class SearchReportsHandler(IFixItDb db, TimeProvider clock, ReportSummaries summaries)
    : IQueryHandler<SearchReportsQuery, ReportSearchResult>
{
    public async ValueTask<ReportSearchResult> Handle(SearchReportsQuery query, CancellationToken cancellationToken)
    {
        var reports = db.Reports.AsNoTracking().Where(ReportStatusRules.IsPublicReport);
        if (query.StatusType is { } type && ReportStatusRules.IsPublic(type))
        {
            var statuses = ReportStatusRules.StatusesOf(type);
            reports = reports.Where(r => statuses.Contains(r.Status));
        }

        if (query.Box is { } box)
        {
            reports = reports.InsideBox(box.ToGeoBox());
        }

        if (!string.IsNullOrEmpty(query.CategoryCode))
        {
            var categoryId = await db.Categories.Where(c => c.Code == query.CategoryCode).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
            reports = reports.Where(r => r.CategoryId == (categoryId ?? -1));
        }

        if (!string.IsNullOrEmpty(query.OperatorSlug))
        {
            var operatorId = await db.Operators.Where(o => o.Slug == query.OperatorSlug).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken);
            reports = reports.Where(r => r.OperatorId == (operatorId ?? -1));
        }

        if (query.AreaId is { } areaId)
        {
            // An EXISTS over ReportAreas, answered from its (AreaId, ReportId) index.
            reports = reports.Where(r => r.Areas.Any(a => a.AreaId == areaId));
        }

        if (query.MaxAgeDays is { } days)
        {
            var since = clock.GetUtcNow().AddDays(-days);
            reports = reports.Where(r => r.CreatedAt >= since);
        }

        var limit = Math.Clamp(query.Limit, 1, SearchReportsQuery.MaxLimit);
        var offset = Math.Max(0, query.Offset);
        // With a box, walk the (Longitude, Latitude, Status) index and stop at the limit: pages run west to east
        // (in a box across the 180° meridian, from −180 to its east edge first, then from its west edge to 180).
        // Without one (lists, feeds), newest first.
        var ordered = query.Box is null
            ? reports.OrderByDescending(r => r.Id)
            : reports.OrderBy(r => r.Longitude).ThenBy(r => r.Latitude).ThenBy(r => r.Id);
        var rows = await ordered.Skip(offset).Take(limit + 1)
            .Select(r => new ReportRow(r.Id, r.Title, r.CategoryId, r.Status, r.Latitude, r.Longitude, r.CreatedAt, r.OperatorId))
            .ToListAsync(cancellationToken);

        var items = await summaries.ToSummariesAsync(rows.Take(limit), cancellationToken);
        var total = query.CountAll ? await reports.CountAsync(cancellationToken) : (int?)null;
        return new ReportSearchResult(items, offset, limit, rows.Count > limit) { Total = total };
    }
}
