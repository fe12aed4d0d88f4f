using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FixIt.IntegrationTests.Mail;

/// <summary>One database for several app hosts, as several instances behind a load balancer share one.</summary>
public sealed class SharedDatabase : IAsyncDisposable
{
    private readonly string? _postgresName;
    private readonly string? _folder;

    private SharedDatabase(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            _postgresName = "fixit_shared_" + Guid.NewGuid().ToString("N")[..12];
            ConnectionString = new NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString) { Database = _postgresName }.ToString();
        }
        else
        {
            _folder = Path.Combine(Path.GetTempPath(), "fixit-tests", "shared-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_folder);
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "fixit.db"), Pooling = true }.ToString();
        }
    }

    public string ConnectionString { get; }

    public static SharedDatabase Create(DatabaseProvider provider) => new(provider);

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            await TestPostgres.DropDatabaseAsync(_postgresName);
        }

        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // Still open somewhere; the temp folder is the OS's to clean.
            }
        }
    }
}
