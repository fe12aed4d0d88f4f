using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace FixIt.Infrastructure.Persistence;

/// <summary>
/// The one place that says which failures mean "the database cannot be reached or used right now" (a 503 with
/// Retry-After), as opposed to a bug (a 500): connection failures, timeouts, a locked or missing SQLite file, and
/// the execution strategy giving up on transient errors.
/// </summary>
public static class DatabaseFaults
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var unavailable = e switch
            {
                DatabaseUnavailableException or RetryLimitExceededException or TimeoutException => true,
                SqliteException sqlite => IsUnusableFile(sqlite.SqliteErrorCode),
                // Npgsql's own exceptions that are not a server's answer: the connection failed, broke or timed out.
                NpgsqlException and not PostgresException => true,
                DbException db => db.IsTransient,
                _ => false,
            };
            if (unavailable)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnusableFile(int code) =>
        code is SqliteBusy or SqliteLocked or SqliteReadOnly or SqliteIoError or SqliteCorrupt or SqliteFull or SqliteCantOpen or SqliteNotADatabase;
}
