using FixIt.Application.Features.Inbound.RecordInboundMail;
using FixIt.Infrastructure.Persistence;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>Writes photos of updates under the data folder (photos/updates/yyyy/MM/…), named by FixIt, never by the sender.</summary>
public sealed class UpdatePhotoStore(DataFolder dataFolder, TimeProvider clock)
{
    public const string Folder = "photos";

    public async Task<IReadOnlyList<StoredPhoto>> SaveAsync(IReadOnlyList<PhotoCandidate> photos, CancellationToken cancellationToken)
    {
        var stored = new List<StoredPhoto>(photos.Count);
        var now = clock.GetUtcNow();
        foreach (var photo in photos)
        {
            var extension = PhotoCollector.SniffImageType(photo.Content)?.Extension ?? ".bin";
            var storedName = $"updates/{now:yyyy}/{now:MM}/{Guid.NewGuid():N}{extension}";
            await File.WriteAllBytesAsync(PathOf(storedName), photo.Content, cancellationToken);
            stored.Add(new StoredPhoto(photo.FileName, photo.ContentType, photo.Content.LongLength, storedName));
        }

        return stored;
    }

    /// <summary>Removes files of an update that was not recorded after all.</summary>
    public void Delete(IEnumerable<StoredPhoto> photos)
    {
        foreach (var photo in photos)
        {
            File.Delete(PathOf(photo.StoredName));
        }
    }

    public string PathOf(string storedName) => dataFolder.PathOf([Folder, .. storedName.Split('/')]);
}
