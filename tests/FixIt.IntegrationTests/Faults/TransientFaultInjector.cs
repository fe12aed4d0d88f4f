using System.Data.Common;
using FixIt.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FixIt.IntegrationTests.Faults;

/// <summary>
/// Fails one database command with a fault the provider's execution strategy treats as transient, after the
/// command has run (its rows are written inside the transaction, which the failure then rolls back): the fault a
/// dropped connection or a failover gives between two statements of one command. Armed by naming a fragment of
/// the SQL; fires once, and counts.
/// </summary>
public sealed class TransientFaultInjector(DatabaseProvider provider) : DbCommandInterceptor
{
    private string? _armedFor;
    private int _fired;

    public int Fired => Volatile.Read(ref _fired);

    /// <summary>The next command whose text contains <paramref name="sqlFragment"/> (e.g. <c>INSERT INTO "Reports"</c>) fails once it has run.</summary>
    public void FailOnceAfter(string sqlFragment) => Volatile.Write(ref _armedFor, sqlFragment);

    /// <summary>
    /// Adds the injector to the app's context. PostgreSQL keeps the app's own retrying strategy; SQLite has none in
    /// the app (its faults are a held lock, answered 503), so there the test gives it one that retries this fault
    /// only, to check that each attempt starts clean on both providers.
    /// </summary>
    public void AddTo(IServiceCollection services) => services.ConfigureDbContext<FixItDbContext>(builder =>
    {
        builder.AddInterceptors(this);
        if (provider == DatabaseProvider.Sqlite)
        {
            new Microsoft.EntityFrameworkCore.Infrastructure.SqliteDbContextOptionsBuilder(builder)
                .ExecutionStrategy(dependencies => new InjectedFaultRetryStrategy(dependencies));
        }
    });

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        if (Matches(command))
        {
            // The connection must be free for the rollback and the retry.
            await result.DisposeAsync();
            throw Fault();
        }

        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default) =>
        Matches(command) ? throw Fault() : ValueTask.FromResult(result);

    private bool Matches(DbCommand command)
    {
        var armed = Volatile.Read(ref _armedFor);
        if (armed is null || !command.CommandText.Contains(armed, StringComparison.Ordinal)
            || Interlocked.CompareExchange(ref _armedFor, null, armed) != armed)
        {
            return false;
        }

        Interlocked.Increment(ref _fired);
        return true;
    }

    private DbException Fault() => provider == DatabaseProvider.PostgreSql
        ? new NpgsqlException("Injected transient fault after the command ran.", new TimeoutException())
        : new SqliteException("Injected transient fault after the command ran.", InjectedFaultRetryStrategy.ErrorCode);

    private sealed class InjectedFaultRetryStrategy(ExecutionStrategyDependencies dependencies)
        : ExecutionStrategy(dependencies, maxRetryCount: 2, maxRetryDelay: TimeSpan.FromMilliseconds(50))
    {
        // SQLITE_PROTOCOL: not an error this app meets otherwise, so nothing but the injected fault is retried.
        public const int ErrorCode = 15;

        protected override bool ShouldRetryOn(Exception exception) => exception is SqliteException { SqliteErrorCode: ErrorCode };
    }
}
