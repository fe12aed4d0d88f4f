using FixIt.Application.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.ListReportPhotos;

/// <summary>The published photos of a report, in the reporter's order. The caller has already checked the report is public.</summary>
public sealed record ListReportPhotosQuery(int ReportId) : IQuery<IReadOnlyList<ReportPhotoView>>;

public sealed record ReportPhotoView(string Url, int Width, int Height, int Position);

internal sealed class ListReportPhotosHandler(IFixItDb db) : IQueryHandler<ListReportPhotosQuery, IReadOnlyList<ReportPhotoView>>
{
    public async ValueTask<IReadOnlyList<ReportPhotoView>> Handle(ListReportPhotosQuery query, CancellationToken cancellationToken) =>
        await db.ReportPhotos.AsNoTracking()
            .Where(p => p.ReportId == query.ReportId)
            .OrderBy(p => p.Position)
            .Select(p => new ReportPhotoView("/photos/" + p.StorageKey, p.Width, p.Height, p.Position))
            .ToListAsync(cancellationToken);
}
