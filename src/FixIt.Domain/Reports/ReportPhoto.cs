namespace FixIt.Domain.Reports;

/// <summary>
/// A photo of a report as published: always a re-encoded copy, so no camera metadata (EXIF, GPS) survives.
/// The file lives in the data folder under <see cref="StorageKey"/>.
/// </summary>
public sealed class ReportPhoto
{
    private ReportPhoto()
    {
    }

    public ReportPhoto(int reportId, int position, string storageKey, string contentType, int width, int height, long bytes, DateTimeOffset createdAt)
    {
        ReportId = reportId;
        Position = position;
        StorageKey = storageKey;
        ContentType = contentType;
        Width = width;
        Height = height;
        Bytes = bytes;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public int ReportId { get; private set; }

    /// <summary>1, 2 or 3: the order the reporter chose.</summary>
    public int Position { get; private set; }

    /// <summary>Random file name under the photos folder; never the uploaded name.</summary>
    public string StorageKey { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public int Width { get; private set; }

    public int Height { get; private set; }

    public long Bytes { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
