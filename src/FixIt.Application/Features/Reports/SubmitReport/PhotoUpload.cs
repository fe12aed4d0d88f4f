namespace FixIt.Application.Features.Reports.SubmitReport;

/// <summary>A photo as uploaded: the name is only for messages; the type is read from the bytes.</summary>
public sealed record PhotoUpload(string FileName, byte[] Content);

public static class PhotoRules
{
    public const int MaxCount = 3;

    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>Longest side of the published copy; larger photos are scaled down.</summary>
    public const int MaxPixels = 2048;
}
