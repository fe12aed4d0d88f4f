using MimeKit;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>
/// Reads the MIME structure of a raw message without building it (MimeKit's streaming <see cref="MimeReader"/>) and
/// stops at the first part beyond <see cref="InboundMailOptions.MaxMimeParts"/> or the first level beyond
/// <see cref="InboundMailOptions.MaxMimeDepth"/>. A message of 350,000 tiny parts would otherwise become 350,000
/// MimeEntity objects (about 1.4 GB); this costs one pass over the bytes and a few counters.
/// </summary>
public static class MimeStructureGuard
{
    public static void Check(byte[] raw, InboundMailOptions options)
    {
        using var stream = new MemoryStream(raw, writable: false);
        new CountingReader(stream, options.MaxMimeParts, options.MaxMimeDepth).ReadMessage();
    }

    private sealed class CountingReader(Stream stream, int maxParts, int maxDepth)
        : MimeReader(new ParserOptions { MaxMimeDepth = maxDepth + 1 }, stream, MimeFormat.Entity)
    {
        private int _parts;
        private int _depth;

        protected override void OnMultipartBegin(ContentType contentType, long beginOffset, int beginLineNumber, CancellationToken cancellationToken)
            => Enter();

        protected override void OnMultipartEnd(ContentType contentType, long beginOffset, int beginLineNumber, long headersEndOffset, long endOffset, int lines, CancellationToken cancellationToken)
            => _depth--;

        protected override void OnMessagePartBegin(ContentType contentType, long beginOffset, int beginLineNumber, CancellationToken cancellationToken)
            => Enter();

        protected override void OnMessagePartEnd(ContentType contentType, long beginOffset, int beginLineNumber, long headersEndOffset, long endOffset, int lines, CancellationToken cancellationToken)
            => _depth--;

        protected override void OnMimePartBegin(ContentType contentType, long beginOffset, int beginLineNumber, CancellationToken cancellationToken)
            => Enter();

        protected override void OnMimePartEnd(ContentType contentType, long beginOffset, int beginLineNumber, long headersEndOffset, long endOffset, int lines, CancellationToken cancellationToken)
            => _depth--;

        private void Enter()
        {
            if (++_parts > maxParts)
            {
                throw new MimeLimitException($"More than {maxParts} MIME parts (InboundMail:MaxMimeParts); parked, not parsed");
            }

            if (++_depth > maxDepth)
            {
                throw new MimeLimitException($"MIME parts nested deeper than {maxDepth} (InboundMail:MaxMimeDepth); parked, not parsed");
            }
        }
    }
}
