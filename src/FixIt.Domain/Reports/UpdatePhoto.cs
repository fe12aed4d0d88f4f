namespace FixIt.Domain.Reports;

/// <summary>An image that came with an update (an emailed reply), kept as a file under the data folder.</summary>
public sealed class UpdatePhoto
{
    private UpdatePhoto()
    {
    }

    public UpdatePhoto(int reportId, long reportEventId, string fileName, string contentType, long length, string storedName, DateTimeOffset now)
    {
        ReportId = reportId;
        ReportEventId = reportEventId;
        FileName = fileName;
        ContentType = contentType;
        Length = length;
        StoredName = storedName;
        CreatedAt = now;
    }

    public long Id { get; private set; }

    public int ReportId { get; private set; }

    public long ReportEventId { get; private set; }

    /// <summary>The sender's name for the file, cleaned; shown as alt text, never used as a path.</summary>
    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long Length { get; private set; }

    /// <summary>Path relative to the data folder's photo directory; generated, never from the sender.</summary>
    public string StoredName { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
}
