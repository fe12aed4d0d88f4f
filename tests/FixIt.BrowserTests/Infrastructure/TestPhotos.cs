using System.Buffers.Binary;
using SkiaSharp;

namespace FixIt.BrowserTests.Infrastructure;

/// <summary>Photos made on the spot: a real JPEG from Skia, optionally with a camera-style EXIF GPS block spliced in.</summary>
public static class TestPhotos
{
    public static byte[] Jpeg(int width = 640, int height = 480)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(90, 120, 160));
            using var paint = new SKPaint { Color = new SKColor(230, 180, 40) };
            canvas.DrawCircle(width / 2f, height / 2f, height / 4f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
    }

    /// <summary>A JPEG whose APP1 segment holds EXIF with GPSLatitude/GPSLongitude, as a phone camera writes it.</summary>
    public static byte[] JpegWithGps(double latitude, double longitude)
    {
        var jpeg = Jpeg();
        var tiff = new List<byte>();
        void U16(int v) { var b = new byte[2]; BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v); tiff.AddRange(b); }
        void U32(long v) { var b = new byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)v); tiff.AddRange(b); }

        // TIFF header, IFD0 at 8 with one entry (GPS IFD pointer), GPS IFD at 26 with four entries, then the rationals.
        tiff.AddRange("II"u8.ToArray()); U16(42); U32(8);
        U16(1); U16(0x8825); U16(4); U32(1); U32(26); U32(0);
        const int GpsIfd = 26, Rationals = GpsIfd + 2 + (4 * 12) + 4;
        U16(4);
        U16(0x0001); U16(2); U32(2); tiff.AddRange(latitude >= 0 ? "N\0\0\0"u8.ToArray() : "S\0\0\0"u8.ToArray());
        U16(0x0002); U16(5); U32(3); U32(Rationals);
        U16(0x0003); U16(2); U32(2); tiff.AddRange(longitude >= 0 ? "E\0\0\0"u8.ToArray() : "W\0\0\0"u8.ToArray());
        U16(0x0004); U16(5); U32(3); U32(Rationals + 24);
        U32(0);
        foreach (var value in new[] { Math.Abs(latitude), Math.Abs(longitude) })
        {
            var degrees = Math.Floor(value);
            var minutes = Math.Floor((value - degrees) * 60);
            var seconds = (value - degrees - (minutes / 60)) * 3600;
            U32((long)degrees); U32(1); U32((long)minutes); U32(1); U32((long)Math.Round(seconds * 10000)); U32(10000);
        }

        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }
}
