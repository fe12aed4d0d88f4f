using MimeKit;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>An image attachment decoded and checked, ready to be stored.</summary>
public sealed record PhotoCandidate(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Keeps image attachments (JPEG, PNG, WebP: the kinds the photo processor publishes) as photos of the update: the type
/// is read from the bytes, not the sender's label, and size and count limits apply. Tiny images are logos and spacers.
/// </summary>
public static class PhotoCollector
{
    public static IReadOnlyList<PhotoCandidate> Collect(MimeMessage message, InboundMailOptions options)
    {
        var photos = new List<PhotoCandidate>();
        foreach (var part in message.BodyParts.OfType<MimePart>())
        {
            if (photos.Count >= options.MaxPhotos)
            {
                break;
            }

            if (!part.ContentType.MediaType.Equals("image", StringComparison.OrdinalIgnoreCase) && !part.IsAttachment || part.Content is null)
            {
                continue;
            }

            using var buffer = new MemoryStream();
            using (var decoded = part.Content.Open())
            {
                if (!CopyLimited(decoded, buffer, options.MaxPhotoBytes))
                {
                    continue;
                }
            }

            var bytes = buffer.ToArray();
            if (bytes.Length < options.MinPhotoBytes || SniffImageType(bytes) is not { } type)
            {
                continue;
            }

            photos.Add(new PhotoCandidate(CleanFileName(part.FileName, type.Extension, photos.Count + 1), type.ContentType, bytes));
        }

        return photos;
    }

    public static (string ContentType, string Extension)? SniffImageType(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xFF, 0xD8, 0xFF, ..] => ("image/jpeg", ".jpg"),
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => ("image/png", ".png"),
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => ("image/webp", ".webp"),
        _ => null,
    };

    private static bool CopyLimited(Stream source, Stream target, int limit)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (target.Length + read > limit)
            {
                return false;
            }

            target.Write(chunk, 0, read);
        }

        return true;
    }

    private static string CleanFileName(string? name, string extension, int index)
    {
        var cleaned = new string((Path.GetFileNameWithoutExtension(name ?? "") ?? "")
            .Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ' or '.').Take(80).ToArray()).Trim();
        return (cleaned.Length == 0 ? $"photo-{index}" : cleaned) + extension;
    }
}
