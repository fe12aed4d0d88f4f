using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FixIt.Infrastructure.Persistence;

/// <summary>
/// Checks, before a connection is opened and before anything is committed, that the SQLite file is still the one
/// opened at start, so no write to a deleted file is ever acknowledged.
/// </summary>
internal sealed class SqliteFileGuardInterceptor(SqliteFileGuard guard) : IDbConnectionInterceptor, IDbTransactionInterceptor, ISaveChangesInterceptor
{
    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        guard.ThrowIfMoved();
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        guard.ThrowIfMoved();
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        guard.ThrowIfMoved();
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        guard.ThrowIfMoved();
        return ValueTask.FromResult(result);
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        guard.ThrowIfMoved();
        return result;
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        guard.ThrowIfMoved();
        return ValueTask.FromResult(result);
    }
}
