using Microsoft.Extensions.Options;

namespace FixIt.Infrastructure.Persistence;

/// <summary>
/// SQLite lets one connection write at a time. Left to SQLite, writers that find the lock taken poll for it with
/// sleeps of 1 to 100 ms (its busy handler), so under load most of a request's time was spent asleep and the
/// slowest waited over a second while the lock stood free (docs/benchmarks.md, "Report submission"). The writers of
/// this process (each command's transaction, the outbox dispatcher's claims and records) queue here instead and
/// take the lock in turn the moment it is released. SQLite's own busy wait still guards against other processes.
/// On PostgreSQL and SQL Server the gate is open: they lock rows, not the database.
/// </summary>
public sealed class SqliteWriteGate(IOptions<DatabaseOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly bool _enabled = options.Value.Provider == DatabaseProvider.Sqlite;
    private readonly TimeSpan _patience = TimeSpan.FromSeconds(options.Value.SqliteBusyTimeoutSeconds);

    /// <summary>
    /// Waits for this process's write turn (SQLite only); dispose the result to pass it on. Waits at most
    /// <c>Database:SqliteBusyTimeoutSeconds</c>, as SQLite would for its lock, then throws <see cref="TimeoutException"/>
    /// (a 503, <see cref="DatabaseFaults"/>), so a writer stuck on a lock held by another process cannot make the
    /// queue behind it wait longer than one timeout each.
    /// </summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken cancellationToken)
    {
        if (!_enabled)
        {
            return default;
        }

        if (!await _turn.WaitAsync(_patience, cancellationToken))
        {
            throw new TimeoutException($"Waited {_patience.TotalSeconds:0} s for the other writers of this process to release the SQLite database.");
        }

        return new Turn(_turn);
    }

    public void Dispose() => _turn.Dispose();

    /// <summary>One writer's turn; releasing it twice is harmless only if never done: dispose exactly once.</summary>
    public readonly struct Turn(SemaphoreSlim? turn) : IDisposable
    {
        public void Dispose() => turn?.Release();
    }
}
