using FixIt.Application.Abstractions;
using FixIt.Application.Features.Reports.SubmitReport;
using FixIt.Domain.Reports;

namespace FixIt.Application.Features.Reports;

/// <summary>
/// Photos a resident sends with an update from a web form (a questionnaire answer, a web update): re-encoded by the
/// report photos' pipeline into the photos folder (no EXIF or GPS survives) and shown on the timeline with the update,
/// as an emailed reply's are. The caller has validated them (<see cref="PhotoRules.ValidPhoto"/>) and saves.
/// </summary>
internal static class UpdatePhotoStore
{
    public static async Task AddAsync(IFixItDb db, IPhotoProcessor photos, IReadOnlyList<PhotoUpload> uploads, int reportId, long eventId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = new List<string>();
        try
        {
            foreach (var photo in uploads)
            {
                var published = await photos.StoreAsync(photo.Content, cancellationToken);
                stored.Add(published.StorageKey);
                db.UpdatePhotos.Add(new UpdatePhoto(reportId, eventId, photo.FileName, published.ContentType, published.Bytes, published.StorageKey, now));
            }
        }
        catch
        {
            // The update is not saved (the transaction rolls back): the files written for it go too.
            stored.ForEach(photos.Delete);
            throw;
        }
    }
}
