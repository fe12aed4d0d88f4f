using Npgsql;

namespace FixIt.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: FIXIT_TEST_POSTGRES, which the test command sets after starting a
/// throw-away cluster; by default the same loopback address that command uses. Each app gets its own database.
/// </summary>
public static class TestPostgres
{
    public static string ServerConnectionString { get; } =
        Environment.GetEnvironmentVariable("FIXIT_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";

    public static async Task DropDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}
