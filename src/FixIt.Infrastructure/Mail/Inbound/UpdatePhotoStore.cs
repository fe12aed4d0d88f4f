using FixIt.Application.Abstractions;
using FixIt.Application.Features.Inbound.RecordInboundMail;
using FixIt.Infrastructure.Persistence;
using FixIt.Infrastructure.Photos;
using Microsoft.Extensions.Logging;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>
/// Keeps the photos of emailed updates through the same processor as the web form's photos: decoded (so a file
/// that only starts like an image is dropped) and drawn afresh, so no EXIF or camera GPS is ever published.
/// </summary>
public sealed partial class UpdatePhotoStore(IPhotoProcessor processor, DataFolder dataFolder, ILogger<UpdatePhotoStore> logger)
{
    /// <summary>Keeps the photos that decode; a photo over the pixel limit is dropped with a line in <paramref name="notes"/>.</summary>
    public async Task<IReadOnlyList<EmailedPhoto>> SaveAsync(IReadOnlyList<PhotoCandidate> photos, CancellationToken cancellationToken,
        ICollection<string>? notes = null)
    {
        var stored = new List<EmailedPhoto>(photos.Count);
        foreach (var photo in photos)
        {
            if (processor.Recognise(photo.Content) is null)
            {
                continue;
            }

            try
            {
                var kept = await processor.StoreAsync(photo.Content, cancellationToken);
                stored.Add(new EmailedPhoto(photo.FileName, kept.ContentType, kept.Bytes, kept.StorageKey));
            }
            catch (PhotoTooLargeException e)
            {
                LogDropped(logger, photo.FileName, e.Size.ToString());
                notes?.Add($"Photo \"{photo.FileName}\" dropped: {e.Message}");
            }
            catch (InvalidDataException)
            {
                // Truncated or corrupt past its header: not a photo anyone can see.
            }
        }

        return stored;
    }

    /// <summary>Removes files of an update that was not recorded after all.</summary>
    public void Delete(IEnumerable<EmailedPhoto> photos)
    {
        foreach (var photo in photos)
        {
            processor.Delete(photo.StoredName);
        }
    }

    /// <summary>Where a kept photo is; the name is checked so no path can leave the photos folder.</summary>
    public string PathOf(string storedName) =>
        SkiaPhotoProcessor.IsKey(storedName) ? dataFolder.PathOf("photos", storedName) : throw new ArgumentException("Not a photo key.", nameof(storedName));

    [LoggerMessage(Level = LogLevel.Warning, Message = "An emailed photo {FileName} was dropped: {Size} is over the pixel limit (Photos:MaxMegapixels)")]
    private static partial void LogDropped(ILogger logger, string fileName, string size);
}
