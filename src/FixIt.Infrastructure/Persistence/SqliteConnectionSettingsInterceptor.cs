using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FixIt.Infrastructure.Persistence;

/// <summary>
/// Sets <c>PRAGMA synchronous</c> (<c>Database:SqliteSynchronous</c>) on every SQLite connection the context opens;
/// SQLite keeps it per connection, not in the file. See <see cref="SqliteSynchronous"/>.
/// </summary>
internal sealed class SqliteConnectionSettingsInterceptor(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    private readonly string _pragma = $"PRAGMA synchronous={synchronous.ToString().ToUpperInvariant()};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // No I/O: the setting only changes when this connection will sync the file.
    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }
}
