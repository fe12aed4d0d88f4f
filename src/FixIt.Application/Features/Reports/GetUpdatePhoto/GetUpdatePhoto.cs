using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.GetUpdatePhoto;

/// <summary>A photo of a public update on a public report; anything else is not found.</summary>
public sealed record GetUpdatePhotoQuery(int ReportId, long PhotoId) : IQuery<UpdatePhotoFile>;

/// <summary>Where the file is (relative to the photo folder) and what it is.</summary>
public sealed record UpdatePhotoFile(string StoredName, string ContentType, string FileName);

internal sealed class GetUpdatePhotoHandler(IFixItDb db) : IQueryHandler<GetUpdatePhotoQuery, UpdatePhotoFile>
{
    public async ValueTask<UpdatePhotoFile> Handle(GetUpdatePhotoQuery query, CancellationToken cancellationToken)
    {
        var photo = await (
                from p in db.UpdatePhotos.AsNoTracking()
                join e in db.ReportEvents on p.ReportEventId equals e.Id
                join r in db.Reports.Where(ReportStatusRules.IsPublicReport) on p.ReportId equals r.Id
                where p.Id == query.PhotoId && p.ReportId == query.ReportId && e.IsPublic
                select new UpdatePhotoFile(p.StoredName, p.ContentType, p.FileName))
            .SingleOrDefaultAsync(cancellationToken);
        return photo ?? throw new NotFoundException("Photo", query.PhotoId);
    }
}
