using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Reports.SubmitReport;
using FixIt.Infrastructure.Persistence;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace FixIt.Infrastructure.Photos;

/// <summary>
/// Checks photos by decoding them (the name and the declared type are not trusted) and publishes a copy drawn
/// afresh by Skia: its encoders write pixels only, so EXIF, camera GPS and comments are gone. The camera's
/// orientation is applied to the pixels first, since the tag that carried it is dropped.
/// </summary>
internal sealed class SkiaPhotoProcessor(DataFolder folder, IOptions<PhotoOptions> options) : IPhotoProcessor
{
    private const string Folder = "photos";

    public long MaxPixelCount => options.Value.MaxMegapixels * 1_000_000L;

    public string? Recognise(byte[] content)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        return codec?.EncodedFormat switch
        {
            SKEncodedImageFormat.Jpeg => "image/jpeg",
            SKEncodedImageFormat.Png => "image/png",
            SKEncodedImageFormat.Webp => "image/webp",
            _ => null,
        };
    }

    public PhotoSize? ReadSize(byte[] content)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        return codec is null ? null : new PhotoSize(codec.Info.Width, codec.Info.Height);
    }

    public PhotoLocation? ReadLocation(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var location = ImageMetadataReader.ReadMetadata(stream).OfType<GpsDirectory>().FirstOrDefault()?.GetGeoLocation();
            return location is { IsZero: false } l && l.Latitude is >= -90 and <= 90 && l.Longitude is >= -180 and <= 180
                ? new PhotoLocation(l.Latitude, l.Longitude)
                : null;
        }
        catch (ImageProcessingException)
        {
            return null;
        }
    }

    public async Task<StoredPhoto> StoreAsync(byte[] content, CancellationToken cancellationToken)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data) ?? throw new InvalidDataException("The photo cannot be decoded.");
        var size = new PhotoSize(codec.Info.Width, codec.Info.Height);
        if (size.Pixels > MaxPixelCount)
        {
            throw new PhotoTooLargeException(size, options.Value.MaxMegapixels);
        }

        // Decoded near the published size where the format allows, scaled, then turned upright: never a second full-size copy.
        using var decoded = PhotoDecoder.Decode(codec, PhotoRules.MaxPixels);
        using var scaled = Scale(decoded, size);
        using var upright = Orient(scaled, codec.EncodedOrigin);
        var opaque = codec.Info.AlphaType == SKAlphaType.Opaque || codec.EncodedFormat == SKEncodedImageFormat.Jpeg;
        using var image = SKImage.FromBitmap(upright);
        using var encoded = opaque ? image.Encode(SKEncodedImageFormat.Jpeg, 85) : image.Encode(SKEncodedImageFormat.Png, 100);
        var key = RandomKeys.Base32(15) + (opaque ? ".jpg" : ".png");
        var bytes = encoded.ToArray();
        await File.WriteAllBytesAsync(folder.PathOf(Folder, key), bytes, cancellationToken);
        return new StoredPhoto(key, opaque ? "image/jpeg" : "image/png", upright.Width, upright.Height, bytes.Length);
    }

    public void Delete(string storageKey) => File.Delete(PathOf(storageKey));

    /// <summary>Where a stored photo is; the key is checked so no path can leave the photos folder.</summary>
    public string PathOf(string storageKey) =>
        IsKey(storageKey) ? folder.PathOf(Folder, storageKey) : throw new ArgumentException("Not a photo key.", nameof(storageKey));

    public static bool IsKey(string storageKey) =>
        storageKey.Length is > 4 and <= 40 && storageKey.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '.')
        && storageKey.Count(c => c == '.') == 1;

    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var (degrees, swap) = origin switch
        {
            SKEncodedOrigin.BottomRight => (180, false),
            SKEncodedOrigin.RightTop => (90, true),
            SKEncodedOrigin.LeftBottom => (270, true),
            _ => (0, false),
        };
        var result = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height, source.ColorType, source.AlphaType);
        using var canvas = new SKCanvas(result);
        canvas.Translate(result.Width / 2f, result.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-source.Width / 2f, -source.Height / 2f);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return result;
    }

    /// <summary>To the published size, worked out from the photo's own size (the decoder may have scaled it already).</summary>
    private static SKBitmap Scale(SKBitmap source, PhotoSize original)
    {
        var longest = Math.Max(original.Width, original.Height);
        var factor = longest > PhotoRules.MaxPixels ? (double)PhotoRules.MaxPixels / longest : 1;
        var info = new SKImageInfo(Math.Max(1, (int)(original.Width * factor)), Math.Max(1, (int)(original.Height * factor)), source.ColorType, source.AlphaType);
        return source.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear)) ?? throw new InvalidDataException("The photo cannot be scaled.");
    }
}
