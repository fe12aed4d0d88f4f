namespace FixIt.Infrastructure.Mail.Inbound.Smtp;

/// <summary>
/// Sits between the network and the SMTP library. The library reads a whole DATA block into memory before
/// handing it over; here, once the server has answered 354, this stream reads the data itself (undoing dot
/// stuffing, up to the ending "CRLF.CRLF") into a <see cref="SpooledMessage"/>, which spills to disk, and passes
/// the library a one-line stand-in. <see cref="InboundSmtpMessageStore"/> then stores the spooled message.
/// </summary>
internal sealed class DataSpoolingStream(Stream inner, MessageSpool spool, Action<SpooledMessage> received, int maxMessageBytes,
    TimeSpan readTimeout, TimeSpan maxData) : Stream
{
    /// <summary>What the library is given instead of the data: one line, then the end of data.</summary>
    internal static readonly byte[] StandIn = "FixIt-Spooled\r\n.\r\n"u8.ToArray();

    private readonly byte[] _readBuffer = new byte[16 * 1024];
    private ReadOnlyMemory<byte> _pending = ReadOnlyMemory<byte>.Empty;
    private bool _dataFollows;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_dataFollows)
        {
            _dataFollows = false;
            var message = spool.Begin();
            try
            {
                await ReceiveDataAsync(message, cancellationToken);
            }
            catch
            {
                message.Dispose();
                throw;
            }

            received(message);
            _pending = StandIn.Concat(_pending.ToArray()).ToArray();
        }

        if (!_pending.IsEmpty)
        {
            var count = Math.Min(buffer.Length, _pending.Length);
            _pending[..count].CopyTo(buffer);
            _pending = _pending[count..];
            return count;
        }

        return await inner.ReadAsync(buffer, cancellationToken);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // The server's "354 Start mail input" reply is the one sign that what the client sends next is message data.
        _dataFollows |= StartsMailInput(buffer.Span);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    private static bool StartsMailInput(ReadOnlySpan<byte> reply)
    {
        while (!reply.IsEmpty)
        {
            if (reply.StartsWith("354"u8))
            {
                return true;
            }

            var newLine = reply.IndexOf((byte)'\n');
            reply = newLine < 0 ? [] : reply[(newLine + 1)..];
        }

        return false;
    }

    /// <summary>Reads up to and including the ".CRLF" line; bytes after it (pipelined commands) stay pending.</summary>
    private async Task ReceiveDataAsync(SpooledMessage message, CancellationToken cancellationToken)
    {
        var parser = new DotDataParser();
        var output = new byte[_readBuffer.Length + 1];

        // However steadily a client trickles, the whole data phase has a deadline (a slowloris holds no slot for long).
        using var whole = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        whole.CancelAfter(maxData);
        while (true)
        {
            ReadOnlyMemory<byte> chunk;
            if (!_pending.IsEmpty)
            {
                chunk = _pending;
                _pending = ReadOnlyMemory<byte>.Empty;
            }
            else
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(whole.Token);
                timeout.CancelAfter(readTimeout);
                int read;
                try
                {
                    read = await inner.ReadAsync(_readBuffer, timeout.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await SayClosingAsync();
                    throw new IOException(whole.IsCancellationRequested
                        ? $"Message data took longer than {maxData.TotalSeconds:0} s." : "Timeout while waiting for message data.");
                }

                if (read == 0)
                {
                    throw new IOException("The connection closed during message data.");
                }

                chunk = _readBuffer.AsMemory(0, read);
            }

            var consumed = parser.Parse(chunk.Span, output, out var written);
            message.Write(output.AsSpan(0, written), maxMessageBytes);
            if (parser.Ended)
            {
                _pending = chunk[consumed..].ToArray();
                return;
            }
        }
    }

    /// <summary>The client is told why it is dropped, if it still listens; then the connection is closed.</summary>
    private async Task SayClosingAsync()
    {
        try
        {
            using var write = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await inner.WriteAsync("421 4.4.2 Message data too slow, closing connection\r\n"u8.ToArray(), write.Token);
            await inner.FlushAsync(write.Token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client is gone or not reading: nothing more to tell it.
        }

        // Closed here, so the 421 is the last word (the library would add a 554 of its own).
        await inner.DisposeAsync();
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
