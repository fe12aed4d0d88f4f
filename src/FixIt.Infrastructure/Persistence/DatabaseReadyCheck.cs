using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FixIt.Infrastructure.Persistence;

/// <summary>
/// Ready means a write could be stored now: the database answers within the connect timeout, and on SQLite the
/// file is still the one opened at start and its write lock can be taken within the busy timeout. No retries: a
/// probe that fails says so at once, and the next probe after the fault is gone says healthy again.
/// </summary>
internal sealed class DatabaseReadyCheck(FixItDbContext db, SqliteFileGuard guard, IOptions<DatabaseOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var sqlite = db.Database.IsSqlite();
        if (sqlite && guard.HasMoved())
        {
            return HealthCheckResult.Unhealthy("The SQLite database file was deleted or replaced while FixIt was running.");
        }

        var connection = db.Database.GetDbConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // SQLite: taking the write lock is what a locked database refuses; reads would still pass.
            command.CommandText = sqlite ? "BEGIN IMMEDIATE; ROLLBACK;" : "SELECT 1";
            command.CommandTimeout = sqlite ? options.Value.SqliteBusyTimeoutSeconds : options.Value.ConnectTimeoutSeconds;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
        {
            return HealthCheckResult.Unhealthy($"The database cannot be used: {e.GetBaseException().Message}");
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
