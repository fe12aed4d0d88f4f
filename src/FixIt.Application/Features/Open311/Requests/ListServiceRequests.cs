using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Open311.Requests;

/// <summary>
/// Public reports for Open311 "GET requests". Ids, when given, override every other filter; otherwise the
/// date window (on the time the report was made) defaults to the last 90 days and may not be longer.
/// </summary>
public sealed record ListServiceRequestsQuery : IQuery<IReadOnlyList<ServiceRequestView>>
{
    public const int MaxRows = 1000;
    public const int MaxWindowDays = 90;

    public IReadOnlyList<int>? Ids { get; init; }

    public IReadOnlyList<string>? ServiceCodes { get; init; }

    public DateTimeOffset? Start { get; init; }

    public DateTimeOffset? End { get; init; }

    /// <summary>open or closed.</summary>
    public string? Status { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = MaxRows;

    /// <summary>Also load the public history (for extensions=true).</summary>
    public bool WithUpdates { get; init; }

    /// <summary>The window actually searched: the defaults filled in from whichever ends were given.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Window(DateTimeOffset now) => (Start, End) switch
    {
        ({ } s, { } e) => (s, e),
        ({ } s, null) => (s, Shift(s, MaxWindowDays)),
        (null, { } e) => (Shift(e, -MaxWindowDays), e),
        _ => (now.AddDays(-MaxWindowDays), now),
    };

    /// <summary>Moves by whole days, stopping at the first or last representable instant instead of overflowing.</summary>
    private static DateTimeOffset Shift(DateTimeOffset at, int days) =>
        days > 0 && at > DateTimeOffset.MaxValue.AddDays(-days) ? DateTimeOffset.MaxValue
        : days < 0 && at < DateTimeOffset.MinValue.AddDays(-days) ? DateTimeOffset.MinValue
        : at.AddDays(days);
}

internal sealed class ListServiceRequestsHandler(IFixItDb db, TimeProvider clock)
    : IQueryHandler<ListServiceRequestsQuery, IReadOnlyList<ServiceRequestView>>
{
    public async ValueTask<IReadOnlyList<ServiceRequestView>> Handle(ListServiceRequestsQuery query, CancellationToken cancellationToken)
    {
        var reports = db.Reports.AsNoTracking().Where(ReportStatusRules.IsPublicReport);
        if (query.Ids is { Count: > 0 } ids)
        {
            reports = reports.Where(r => ids.Contains(r.Id));
        }
        else
        {
            // Npgsql only takes UTC offsets for timestamptz parameters; SQLite compares ticks.
            var (start, end) = query.Window(clock.GetUtcNow());
            var (from, to) = (start.ToUniversalTime(), end.ToUniversalTime());
            reports = reports.Where(r => r.CreatedAt >= from && r.CreatedAt <= to);
            if (query.ServiceCodes is { Count: > 0 } codes)
            {
                var found = await db.Categories.Where(c => codes.Contains(c.Code)).Select(c => new { c.Id, c.Code }).ToListAsync(cancellationToken);
                if (codes.Except(found.Select(c => c.Code), StringComparer.Ordinal).FirstOrDefault() is { } unknown)
                {
                    throw new NotFoundException("Service", unknown);
                }

                var categoryIds = found.Select(c => c.Id).ToList();
                reports = reports.Where(r => categoryIds.Contains(r.CategoryId));
            }

            if (query.Status is { } status)
            {
                var wanted = ReportStatusRules.PublicStatuses.Where(s => ServiceRequestView.Open311StatusOf(s) == status).ToList();
                reports = reports.Where(r => wanted.Contains(r.Status));
            }
        }

        var rows = await reports
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip(Paging.Skip(query.Page, query.PageSize)).Take(Math.Min(query.PageSize, ListServiceRequestsQuery.MaxRows))
            .Select(r => new Row(r.Id, r.Status, r.CategoryId, r.OperatorId, r.Title, r.Description, r.RoutingExplanation,
                r.CreatedAt, r.UpdatedAt, r.ConfirmedAt, r.Address, r.Latitude, r.Longitude, r.MediaUrl))
            .ToListAsync(cancellationToken);
        return await ServiceRequestViews.BuildAsync(db, rows, query.WithUpdates, cancellationToken);
    }
}

internal sealed record Row(int Id, ReportStatus Status, int CategoryId, int? OperatorId, string Title, string Description,
    string RoutingExplanation, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ConfirmedAt,
    string? Address, double Latitude, double Longitude, string? MediaUrl);
