using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FixIt.Infrastructure.Persistence;

/// <summary>
/// Sets <c>PRAGMA synchronous</c> (<c>Database:SqliteSynchronous</c>) on every SQLite connection the contexts open,
/// once per native connection (the pool hands the same one out again with the setting kept); SQLite keeps it per
/// connection, not in the file. See <see cref="SqliteSynchronous"/>. One instance per process (ADR 0082).
/// </summary>
internal sealed class SqliteConnectionSettingsInterceptor(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    private readonly string _pragma = $"PRAGMA synchronous={synchronous.ToString().ToUpperInvariant()};";

    // The native connections already set: a pooled one keeps the setting, so each is set once, not at every open.
    private readonly ConditionalWeakTable<object, object> _set = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // No I/O: the setting only changes when this connection will sync the file.
    private void Apply(DbConnection connection)
    {
        var native = (connection as SqliteConnection)?.Handle;
        if (native is not null && _set.TryGetValue(native, out _))
        {
            return;
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = _pragma;
            command.ExecuteNonQuery();
        }

        if (native is not null)
        {
            _set.AddOrUpdate(native, native);
        }
    }
}
