using FixIt.Application.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Infrastructure.Persistence;

/// <summary>
/// <see cref="IUnitOfWork"/> over the request's <see cref="FixItDbContext"/>: the provider's execution strategy
/// around a transaction. The change tracker is emptied at the start of every attempt and after a failed one, which
/// is what "a fresh context per attempt" would give without a second context in the scope (the handlers and the
/// mailer share this one).
/// </summary>
internal sealed class EfUnitOfWork(FixItDbContext db, SqliteWriteGate writeGate) : IUnitOfWork
{
    public async Task<T> RunAsync<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            using var turn = await writeGate.EnterAsync(ct);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var result = await work(ct);
                await transaction.CommitAsync(ct);
                return result;
            }
            catch
            {
                // Rolled back: what the attempt tracked never happened, for a retry or for whoever catches this.
                db.ChangeTracker.Clear();
                throw;
            }
        }, cancellationToken);
    }
}
