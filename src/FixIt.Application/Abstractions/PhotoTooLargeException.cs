namespace FixIt.Application.Abstractions;

/// <summary>The photo declares more pixels than FixIt decodes; nothing was decoded or stored.</summary>
public sealed class PhotoTooLargeException(PhotoSize size, int maxMegapixels)
    : Exception($"The photo is {size}, more than the {maxMegapixels} megapixels accepted.")
{
    public PhotoSize Size { get; } = size;
}
