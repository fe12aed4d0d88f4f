using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Infrastructure.Mail.Outbox;

/// <summary>
/// Claims due messages for one dispatcher worker: marks up to <c>batch</c> rows with a fresh claim id and a
/// lease, in one statement no other instance can interleave with, then loads exactly those rows.
/// </summary>
internal static class OutboxClaimer
{
    public static async Task<List<OutboxMessage>> ClaimAsync(FixItDbContext db, int batch, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claim = Guid.NewGuid();
        var until = now + lease;
        const string pending = nameof(OutboxStatus.Pending);

        if (db.Database.IsNpgsql())
        {
            // SKIP LOCKED: a concurrent claimer passes over rows being claimed instead of waiting and then taking them too.
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "OutboxMessages" SET "ClaimId" = {claim}, "LockedUntil" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM "OutboxMessages"
                    WHERE "Status" = {pending} AND "NextAttemptAt" <= {now} AND ("LockedUntil" IS NULL OR "LockedUntil" <= {now})
                    ORDER BY "NextAttemptAt"
                    LIMIT {batch}
                    FOR UPDATE SKIP LOCKED)
                """, cancellationToken);
        }
        else if (db.Database.IsSqlServer())
        {
            // UPDLOCK holds the chosen rows to the update; READPAST skips rows another claimer holds.
            await db.Database.ExecuteSqlAsync($"""
                WITH due AS (
                    SELECT TOP ({batch}) * FROM [OutboxMessages] WITH (UPDLOCK, READPAST, ROWLOCK)
                    WHERE [Status] = {pending} AND [NextAttemptAt] <= {now} AND ([LockedUntil] IS NULL OR [LockedUntil] <= {now})
                    ORDER BY [NextAttemptAt])
                UPDATE due SET [ClaimId] = {claim}, [LockedUntil] = {until};
                """, cancellationToken);
        }
        else
        {
            // SQLite has one writer at a time, so the UPDATE with its sub-select is already exclusive.
            // LINQ here, so the ticks converter of the DateTimeOffset columns applies to the parameters.
            await db.OutboxMessages
                .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil <= now))
                .OrderBy(m => m.NextAttemptAt)
                .Take(batch)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimId, claim).SetProperty(m => m.LockedUntil, until), cancellationToken);
        }

        return await db.OutboxMessages.Where(m => m.ClaimId == claim).OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }
}
