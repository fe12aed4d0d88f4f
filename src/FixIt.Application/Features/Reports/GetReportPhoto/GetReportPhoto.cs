using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Common.Tokens;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.GetReportPhoto;

/// <summary>
/// One of the reporter's (re-encoded) photos, by its storage key. Without <see cref="PendingLink"/>: only a photo of a
/// public report. With it: a photo of that report, when the secret link opens it (<see cref="PendingLinks"/>) and the
/// report may be shown by link. Anything else throws <see cref="NotFoundException"/>, exactly as a photo that does not exist.
/// </summary>
public sealed record GetReportPhotoQuery(string StorageKey) : IQuery<ReportPhotoFile>
{
    /// <summary>The report and the submitter's secret token, when the photo is asked for through the secret link.</summary>
    public (int ReportId, string Token)? PendingLink { get; init; }
}

/// <summary>The stored photo's key (its file name in the photo folder) and content type ("image/jpeg" or "image/png").</summary>
public sealed record ReportPhotoFile(string StorageKey, string ContentType);

internal sealed class GetReportPhotoHandler(IFixItDb db, TimeProvider clock) : IQueryHandler<GetReportPhotoQuery, ReportPhotoFile>
{
    public async ValueTask<ReportPhotoFile> Handle(GetReportPhotoQuery query, CancellationToken cancellationToken)
    {
        var photos = db.ReportPhotos.AsNoTracking().Where(p => p.StorageKey == query.StorageKey);
        if (query.PendingLink is var (reportId, token))
        {
            var status = await PendingLinks.OpensAsync(db, reportId, token, clock.GetUtcNow(), cancellationToken)
                ? await db.Reports.AsNoTracking().Where(r => r.Id == reportId).Select(r => (ReportStatus?)r.Status).SingleOrDefaultAsync(cancellationToken)
                : null;
            if (status is not { } shown || !ReportStatusRules.IsShownByLink(shown))
            {
                throw new NotFoundException("Photo", query.StorageKey);
            }

            photos = photos.Where(p => p.ReportId == reportId);
        }
        else
        {
            // A report awaiting confirmation shows its photos only through its secret link.
            photos = photos.Where(p => db.Reports.Where(ReportStatusRules.IsPublicReport).Any(r => r.Id == p.ReportId));
        }

        return await photos.Select(p => new ReportPhotoFile(p.StorageKey, p.ContentType)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Photo", query.StorageKey);
    }
}
