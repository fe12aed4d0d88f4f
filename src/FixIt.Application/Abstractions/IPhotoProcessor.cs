namespace FixIt.Application.Abstractions;

/// <summary>Reads, checks and publishes report photos; the published copy never carries the original's metadata.</summary>
public interface IPhotoProcessor
{
    /// <summary>"image/jpeg", "image/png" or "image/webp" when the bytes decode as one; otherwise null.</summary>
    string? Recognise(byte[] content);

    /// <summary>Width and height as the file's header declares them (nothing is decoded); null when not an image.</summary>
    PhotoSize? ReadSize(byte[] content);

    /// <summary>The most pixels a photo may have (Photos:MaxMegapixels); <see cref="StoreAsync"/> refuses more.</summary>
    long MaxPixelCount { get; }

    /// <summary>The camera's GPS position, if the photo has one.</summary>
    PhotoLocation? ReadLocation(byte[] content);

    /// <summary>
    /// Re-encodes the photo (no EXIF survives) into the photos folder under a new random name. Throws
    /// <see cref="PhotoTooLargeException"/> for more than <see cref="MaxPixelCount"/> pixels, before decoding.
    /// </summary>
    Task<StoredPhoto> StoreAsync(byte[] content, CancellationToken cancellationToken);

    /// <summary>Removes a stored photo, e.g. when the report that held it was not saved.</summary>
    void Delete(string storageKey);
}

public sealed record PhotoLocation(double Latitude, double Longitude);

public sealed record StoredPhoto(string StorageKey, string ContentType, int Width, int Height, long Bytes);

public sealed record PhotoSize(int Width, int Height)
{
    public long Pixels => (long)Width * Height;

    public override string ToString() => $"{Width} × {Height} pixels";
}
