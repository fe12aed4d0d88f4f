using System.Buffers;
using FixIt.Domain.Inbound;
using Microsoft.Extensions.Logging;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Storage;
using SmtpReplyCode = SmtpServer.Protocol.SmtpReplyCode;
using SmtpResponse = SmtpServer.Protocol.SmtpResponse;

namespace FixIt.Infrastructure.Mail.Inbound.Smtp;

/// <summary>
/// After DATA: one stored message per accepted recipient, then processing by the <see cref="InboundProcessingQueue"/>.
/// 250 is answered once the raw message is stored, whatever processing makes of it; only a failure to store
/// answers 451, so the sending server keeps the message and tries again.
/// </summary>
internal sealed partial class InboundSmtpMessageStore(
    InboundMailProcessor processor,
    InboundProcessingQueue queue,
    ILogger<InboundSmtpMessageStore> logger) : IMessageStore
{
    public async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
        CancellationToken cancellationToken)
    {
        var spooled = SpoolingPipe.TakeMessage(context);
        if (spooled is { TooLarge: true })
        {
            spooled.Dispose();
            return new SmtpResponse(SmtpReplyCode.SizeLimitExceeded, "5.3.4 Message too big");
        }

        var from = transaction.From is { } sender && !string.IsNullOrEmpty(sender.User) ? sender.AsAddress() : "";
        var ids = new List<long>();
        try
        {
            // The data was spooled by the connection (see DataSpoolingStream); the buffer is only its stand-in.
            var raw = spooled is null ? MessageBytes(buffer) : await spooled.ReadAllAsync(cancellationToken);
            foreach (var recipient in transaction.To.Select(t => t.AsAddress()).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                ids.Add(await processor.StoreAsync(InboundChannel.Smtp, null, recipient, from, raw, cancellationToken));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStoreFailed(ex);
            return new SmtpResponse(SmtpReplyCode.Aborted, "4.3.0 Temporary failure storing the message, try again later");
        }
        finally
        {
            // Stored (or not): its memory and temporary file are given back before processing is awaited.
            spooled?.Dispose();
        }

        await queue.ProcessAsync(ids, cancellationToken);
        return SmtpResponse.Ok;
    }

    /// <summary>
    /// SmtpServer hands over the data without the CRLF that ends its last line (it reads up to "CRLF.CRLF"),
    /// and undoes dot-stuffing after each CRLF but not on the very first line. Both are put right here, so
    /// the stored message is byte for byte what the client sent.
    /// </summary>
    internal static byte[] MessageBytes(ReadOnlySequence<byte> buffer)
    {
        var skip = buffer.Length >= 2 && buffer.FirstSpan.Length >= 2 && buffer.FirstSpan[0] == '.' && buffer.FirstSpan[1] == '.' ? 1 : 0;
        var content = buffer.Slice(skip);
        var raw = new byte[content.Length + 2];
        content.CopyTo(raw);
        raw[^2] = (byte)'\r';
        raw[^1] = (byte)'\n';
        return raw;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An inbound message could not be stored")]
    private partial void LogStoreFailed(Exception ex);
}
