namespace FixIt.Application.Abstractions;

/// <summary>
/// Runs one command as a unit of work: one database transaction, retried as a whole when the provider reports a
/// transient fault (PostgreSQL and SQL Server: <c>Database:MaxRetryCount</c> times; SQLite: never). Every attempt
/// starts from an empty unit of work, so nothing read, added or changed by a failed attempt (a report already
/// added, a link already marked used in memory) is seen by the next one: the work must do all of its
/// reading and writing inside, and keep no state outside it between attempts. Implemented by Infrastructure over
/// the EF Core context and the provider's execution strategy; see ADR 0080.
/// </summary>
public interface IUnitOfWork
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction and commits it; a command sent while another is running joins
    /// the outer one's transaction (no transaction of its own, no retry, nothing discarded). When an attempt fails,
    /// its transaction is rolled back and its tracked changes are discarded before the fault is retried or thrown.
    /// </summary>
    Task<T> RunAsync<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken);
}
