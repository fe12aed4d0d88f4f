using System.ComponentModel.DataAnnotations;

namespace FixIt.Infrastructure.Photos;

/// <summary>Bound from the "Photos" section.</summary>
public sealed class PhotoOptions
{
    public const string SectionName = "Photos";

    /// <summary>
    /// The most pixels (width × height, in millions) a photo may have. The size is read from the file's header
    /// before anything is decoded: a small file can declare a huge picture that would take gigabytes to decode.
    /// </summary>
    [Range(1, 500)]
    public int MaxMegapixels { get; set; } = 40;
}
