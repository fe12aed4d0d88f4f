namespace FixIt.Application.Abstractions;

/// <summary>Reads, checks and publishes report photos; the published copy never carries the original's metadata.</summary>
public interface IPhotoProcessor
{
    /// <summary>"image/jpeg", "image/png" or "image/webp" when the bytes decode as one; otherwise null.</summary>
    string? Recognise(byte[] content);

    /// <summary>The camera's GPS position, if the photo has one.</summary>
    PhotoLocation? ReadLocation(byte[] content);

    /// <summary>Re-encodes the photo (no EXIF survives) into the photos folder under a new random name.</summary>
    Task<StoredPhoto> StoreAsync(byte[] content, CancellationToken cancellationToken);

    /// <summary>Removes a stored photo, e.g. when the report that held it was not saved.</summary>
    void Delete(string storageKey);
}

public sealed record PhotoLocation(double Latitude, double Longitude);

public sealed record StoredPhoto(string StorageKey, string ContentType, int Width, int Height, long Bytes);
