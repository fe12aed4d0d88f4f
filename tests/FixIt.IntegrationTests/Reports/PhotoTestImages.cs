using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace FixIt.IntegrationTests.Reports;

/// <summary>Photos made for the pixel-limit tests: a tiny file declaring a huge picture, and a camera-like rotated JPEG.</summary>
public static class PhotoTestImages
{
    /// <summary>
    /// A one-colour, one-bit greyscale PNG of the given size, written chunk by chunk: a few tens of KB on disk, yet
    /// width × height pixels to anyone who decodes it (16000 × 16000 is a gigabyte of RGBA).
    /// </summary>
    public static byte[] BlankPng(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, .. "PNG\r\n\x1a\n"u8]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 1; // bit depth 1, colour type 0 (grey), deflate, no filter method, no interlace
        Chunk(output, "IHDR", header);

        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
        {
            var row = new byte[1 + ((width + 7) / 8)]; // filter byte "none", then the bits of one row
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        Chunk(output, "IDAT", pixels.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>
    /// A JPEG as a phone writes it when held upright: stored landscape (left half red, right half blue) with EXIF
    /// orientation 6, "turn 90° clockwise to show" — so shown upright, red is on top and blue below.
    /// </summary>
    public static byte[] RotatedJpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, width / 2f, height, red);
        }

        using var image = SKImage.FromBitmap(bitmap);
        var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
        // APP1 "Exif\0\0", little-endian TIFF header, one IFD entry: Orientation (0x0112), SHORT, 1, value 6.
        byte[] exif = [.. "Exif\0\0"u8, .. "II*\0"u8, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0];
        var length = exif.Length + 2;
        return [0xFF, 0xD8, 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. exif, .. jpeg[2..]];
    }

    /// <summary>A wide PNG with transparency (left half red, right half see-through), too big to publish as it is.</summary>
    public static byte[] WidePng(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, width / 2f, height, red);
        }

        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        output.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        output.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
