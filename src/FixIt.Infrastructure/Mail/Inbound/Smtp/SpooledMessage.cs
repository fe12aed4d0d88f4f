namespace FixIt.Infrastructure.Mail.Inbound.Smtp;

/// <summary>One message's data as it arrives: in memory while it fits the spool's limits, then in a temporary file.</summary>
internal sealed class SpooledMessage(MessageSpool spool) : IDisposable
{
    private MemoryStream? _memory = new();
    private FileStream? _file;
    private long _reserved;

    public long Length { get; private set; }

    /// <summary>More than the largest message allowed arrived; the rest was read and dropped.</summary>
    public bool TooLarge { get; private set; }

    public bool OnDisk => _file is not null;

    public void Write(ReadOnlySpan<byte> data, int maxLength)
    {
        if (TooLarge || data.IsEmpty)
        {
            return;
        }

        if (Length + data.Length > maxLength)
        {
            TooLarge = true;
            Drop();
            return;
        }

        Length += data.Length;
        if (_memory is not null && _memory.Length + data.Length <= spool.InMemoryThreshold && spool.TryReserve(data.Length))
        {
            _reserved += data.Length;
            _memory.Write(data);
            return;
        }

        if (_file is null)
        {
            _file = spool.CreateFile();
            _memory!.WriteTo(_file);
            Drop();
        }

        _file.Write(data);
    }

    /// <summary>
    /// The whole message as one array, for storing. Its bytes count against the spool's total until
    /// <see cref="Dispose"/>: a message read back from disk waits for room.
    /// </summary>
    public async Task<byte[]> ReadAllAsync(CancellationToken cancellationToken)
    {
        if (_file is null)
        {
            var bytes = _memory!.ToArray();
            _memory.Dispose();
            _memory = null;
            return bytes;
        }

        await spool.ReserveAsync(Length, cancellationToken);
        _reserved = Length;
        var raw = new byte[Length];
        _file.Position = 0;
        await _file.ReadExactlyAsync(raw, cancellationToken);
        await _file.DisposeAsync();
        _file = null;
        return raw;
    }

    public void Dispose()
    {
        Drop();
        _file?.Dispose();
        _file = null;
    }

    private void Drop()
    {
        _memory?.Dispose();
        _memory = null;
        spool.Release(_reserved);
        _reserved = 0;
    }
}
