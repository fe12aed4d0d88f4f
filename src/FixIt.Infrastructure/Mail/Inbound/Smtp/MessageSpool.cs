namespace FixIt.Infrastructure.Mail.Inbound.Smtp;

/// <summary>
/// Where message data received over SMTP is held until it is stored: in memory up to a threshold per message
/// and a total for all sessions, on disk (a temporary file deleted on close) beyond. The accounting is the
/// listener's own: <see cref="BufferedBytes"/> never exceeds <see cref="MaxBufferedBytes"/>.
/// </summary>
internal sealed class MessageSpool(long maxBufferedBytes, int inMemoryThreshold, string directory)
{
    private readonly Lock _lock = new();
    private long _buffered;
    private long _peak;
    private int _spilled;
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long MaxBufferedBytes => maxBufferedBytes;

    public int InMemoryThreshold => inMemoryThreshold;

    /// <summary>Message bytes held in memory now, by receiving sessions and by messages being stored.</summary>
    public long BufferedBytes
    {
        get
        {
            lock (_lock)
            {
                return _buffered;
            }
        }
    }

    /// <summary>The most ever held at once since start.</summary>
    public long PeakBufferedBytes
    {
        get
        {
            lock (_lock)
            {
                return _peak;
            }
        }
    }

    /// <summary>Messages (or parts) that went to disk because of the threshold or the total.</summary>
    public int SpilledToDisk => Volatile.Read(ref _spilled);

    public SpooledMessage Begin() => new(this);

    internal bool TryReserve(long bytes)
    {
        lock (_lock)
        {
            if (_buffered + bytes > maxBufferedBytes)
            {
                return false;
            }

            _buffered += bytes;
            _peak = Math.Max(_peak, _buffered);
            return true;
        }
    }

    /// <summary>Waits until the bytes fit. Never deadlocks: receivers do not wait (they spill to disk), and every holder releases once stored.</summary>
    internal async Task ReserveAsync(long bytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task released;
            lock (_lock)
            {
                if (_buffered + bytes <= maxBufferedBytes || _buffered == 0)
                {
                    _buffered += bytes;
                    _peak = Math.Max(_peak, _buffered);
                    return;
                }

                released = _released.Task;
            }

            await released.WaitAsync(cancellationToken);
        }
    }

    internal void Release(long bytes)
    {
        if (bytes == 0)
        {
            return;
        }

        TaskCompletionSource released;
        lock (_lock)
        {
            _buffered -= bytes;
            released = _released;
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        released.TrySetResult();
    }

    internal FileStream CreateFile()
    {
        Interlocked.Increment(ref _spilled);
        Directory.CreateDirectory(directory);
        return new FileStream(Path.Combine(directory, $"fixit-smtp-{Guid.NewGuid():N}.eml"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
    }
}
