using SkiaSharp;

namespace FixIt.Infrastructure.Photos;

/// <summary>
/// Decodes a photo as close to the size it will be published at as its decoder allows. JPEG and WebP decoders
/// scale while decoding, so a large camera photo never exists in memory at full size; PNG's decoder cannot, so a
/// PNG is decoded once at its own size (bounded by Photos:MaxMegapixels, checked from the header before this).
/// </summary>
internal static class PhotoDecoder
{
    /// <summary>A bitmap whose longest side is at least <paramref name="maxSide"/> (or the photo's own, if smaller).</summary>
    public static SKBitmap Decode(SKCodec codec, int maxSide)
    {
        var full = codec.Info;
        if (Math.Max(full.Width, full.Height) > maxSide)
        {
            // The smallest scale on offer (JPEG offers eighths) that still leaves at least maxSide to scale down from.
            for (var eighths = 1; eighths < 8; eighths++)
            {
                var size = codec.GetScaledDimensions(eighths / 8f);
                if (Math.Max(size.Width, size.Height) >= maxSide && size.Width < full.Width)
                {
                    return SKBitmap.Decode(codec, full.WithSize(size.Width, size.Height)) ?? throw new InvalidDataException("The photo cannot be decoded.");
                }
            }
        }

        return SKBitmap.Decode(codec) ?? throw new InvalidDataException("The photo cannot be decoded.");
    }
}
