using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.ListReportPhotos;

/// <summary>
/// The photos of a report, in the reporter's order: none unless the report is public or, with <see cref="PendingToken"/>
/// (already checked by the caller), shown by the submitter's secret link; the photo URLs then carry that link.
/// </summary>
public sealed record ListReportPhotosQuery(int ReportId) : IQuery<IReadOnlyList<ReportPhotoView>>
{
    public string? PendingToken { get; init; }
}

public sealed record ReportPhotoView(string Url, int Width, int Height, int Position);

internal sealed class ListReportPhotosHandler(IFixItDb db) : IQueryHandler<ListReportPhotosQuery, IReadOnlyList<ReportPhotoView>>
{
    public async ValueTask<IReadOnlyList<ReportPhotoView>> Handle(ListReportPhotosQuery query, CancellationToken cancellationToken)
    {
        var visible = query.PendingToken is null ? ReportStatusRules.IsPublicReport : ReportStatusRules.IsReportShownByLink;
        var photos = await db.ReportPhotos.AsNoTracking()
            .Where(p => p.ReportId == query.ReportId && db.Reports.Where(visible).Any(r => r.Id == p.ReportId))
            .OrderBy(p => p.Position)
            .Select(p => new { p.StorageKey, p.Width, p.Height, p.Position })
            .ToListAsync(cancellationToken);
        return [.. photos.Select(p => new ReportPhotoView(
            query.PendingToken is { } token ? ReportPaths.PendingPhoto(query.ReportId, token, p.StorageKey) : "/photos/" + p.StorageKey,
            p.Width, p.Height, p.Position))];
    }
}
