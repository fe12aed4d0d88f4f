using System.Runtime.CompilerServices;
using FixIt.Application.Abstractions;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Operators.ExportOperatorReports;

/// <summary>
/// One page of an operator's public reports, oldest first: at most <paramref name="Limit"/> reports with an id above
/// <paramref name="AfterId"/>, streamed row by row for CSV and GeoJSON exports.
/// Carries no personal data: no reporter name, email or phone, whatever "show my name" says.
/// </summary>
public sealed record ExportOperatorReportsQuery(int OperatorId, int AfterId, int Limit) : IStreamQuery<ExportRow>
{
    /// <summary>Only reports published (confirmed) at or after this time: the operator console's date range.</summary>
    public DateTimeOffset? PublishedFrom { get; init; }

    /// <summary>Only reports published before this time.</summary>
    public DateTimeOffset? PublishedBefore { get; init; }
}

public sealed record ExportRow(
    int Id,
    string Title,
    string Detail,
    string Category,
    DateTimeOffset Created,
    DateTimeOffset? Confirmed,
    DateTimeOffset? Acknowledged,
    DateTimeOffset? Fixed,
    DateTimeOffset? Closed,
    ReportStatus Status,
    double Latitude,
    double Longitude,
    string Area);

internal sealed class ExportOperatorReportsHandler(IFixItDb db) : IStreamQueryHandler<ExportOperatorReportsQuery, ExportRow>
{
    public async IAsyncEnumerable<ExportRow> Handle(ExportOperatorReportsQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);

        var reports = ExportedReports.Of(db, query.OperatorId, query.AfterId);
        if (query.PublishedFrom is { } from)
        {
            reports = reports.Where(r => r.ConfirmedAt >= from);
        }

        if (query.PublishedBefore is { } before)
        {
            reports = reports.Where(r => r.ConfirmedAt < before);
        }

        var rows = reports
            .Take(query.Limit)
            .Select(r => new
            {
                r.Id,
                r.Title,
                r.Description,
                r.CategoryId,
                r.CreatedAt,
                r.ConfirmedAt,
                r.AcknowledgedAt,
                r.FixedAt,
                r.ClosedAt,
                r.Status,
                r.Latitude,
                r.Longitude,
                // The most local area holding the report (a ward before its council): one primary-key probe per row.
                Area = (from ra in r.Areas
                        join a in db.Areas on ra.AreaId equals a.Id
                        orderby a.Size, a.Id
                        select a.Name).FirstOrDefault(),
            })
            .AsAsyncEnumerable();

        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            yield return new ExportRow(r.Id, r.Title, r.Description, categories.GetValueOrDefault(r.CategoryId, ""),
                r.CreatedAt, r.ConfirmedAt, r.AcknowledgedAt, r.FixedAt, r.ClosedAt, r.Status, r.Latitude, r.Longitude,
                r.Area ?? "");
        }
    }
}
