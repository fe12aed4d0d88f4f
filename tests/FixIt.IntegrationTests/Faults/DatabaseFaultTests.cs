using System.Net;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static FixIt.IntegrationTests.Faults.FaultAnswers;

namespace FixIt.IntegrationTests.Faults;

/// <summary>
/// A database that cannot be used answers 503 with Retry-After within seconds on every channel, readiness says
/// so while it lasts and recovers by itself, and nothing is acknowledged that was not stored. Each test breaks
/// its own app's database only: a forwarder in front of PostgreSQL, or the app's own SQLite file.
/// </summary>
public sealed class DatabaseFaultTests
{
    [Fact]
    public async Task PostgreSql_out_of_reach_answers_503_within_seconds_and_recovers_by_itself()
    {
        var server = new NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString);
        await using var cutter = new TcpCutter(server.Host!, server.Port);
        var database = "fixit_test_cut_" + Guid.NewGuid().ToString("N")[..12];
        var settings = Settings;
        settings["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(server.ConnectionString)
        {
            Host = "127.0.0.1",
            Port = cutter.Port,
            Database = database,
        }.ToString();
        try
        {
            await using var app = await FixItApp.StartAsync(DatabaseProvider.PostgreSql, settings);
            var token = await FormTokenAsync(app);
            await AssertReadyAsync(app, HttpStatusCode.OK);

            cutter.Cut();
            await AssertEveryChannelRefusesAsync(app, token, "Written while PostgreSQL was away");
            await AssertReadyAsync(app, HttpStatusCode.ServiceUnavailable);

            cutter.Restore();
            await AwaitReadyAsync(app);
            await app.Client.SubmitAsync(ReportRequests.Valid("Written once PostgreSQL was back"));
            Assert.Equal(0, await app.WithDbAsync(db => db.Reports.CountAsync(r => r.Title == "Written while PostgreSQL was away")));
            Assert.Equal(1, await app.WithDbAsync(db => db.Reports.CountAsync(r => r.Title == "Written once PostgreSQL was back")));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Sqlite_locked_by_another_writer_answers_503_within_seconds_and_recovers_by_itself()
    {
        await using var app = await FixItApp.StartAsync(DatabaseProvider.Sqlite, Settings);
        var token = await FormTokenAsync(app);
        await using var other = new SqliteConnection($"Data Source={Path.Combine(app.DataFolder, "fixit.db")};Pooling=False");
        await other.OpenAsync();
        await ExecuteAsync(other, "BEGIN EXCLUSIVE;");

        await AssertEveryChannelRefusesAsync(app, token, "Written while the file was locked");
        await AssertReadyAsync(app, HttpStatusCode.ServiceUnavailable);

        await ExecuteAsync(other, "ROLLBACK;");
        await AssertReadyAsync(app, HttpStatusCode.OK);
        await app.Client.SubmitAsync(ReportRequests.Valid("Written once the lock was gone"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Reports.CountAsync(r => r.Title == "Written while the file was locked")));
        Assert.Equal(1, await app.WithDbAsync(db => db.Reports.CountAsync(r => r.Title == "Written once the lock was gone")));
    }

    [Fact]
    public async Task Sqlite_file_deleted_then_replaced_acknowledges_nothing_and_stays_unready()
    {
        await using var app = await FixItApp.StartAsync(DatabaseProvider.Sqlite, Settings);
        var token = await FormTokenAsync(app);
        var path = Path.Combine(app.DataFolder, "fixit.db");
        var copy = Path.Combine(app.DataFolder, "copy-of-fixit.db");
        await using (var source = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await source.OpenAsync();
            await ExecuteAsync(source, $"VACUUM INTO '{copy}';");
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        await AssertEveryChannelRefusesAsync(app, token, "Written to a deleted file");
        await AssertReadyAsync(app, HttpStatusCode.ServiceUnavailable);
        Assert.False(File.Exists(path), "A request created a new, empty database file.");

        // A file put back at the path is another file: the connections still open write to the deleted one.
        File.Move(copy, path);
        await AssertEveryChannelRefusesAsync(app, token, "Written to a replaced file");
        await AssertReadyAsync(app, HttpStatusCode.ServiceUnavailable);

        await using var restored = new SqliteConnection($"Data Source={path};Pooling=False");
        await restored.OpenAsync();
        await using var count = restored.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Reports WHERE Title LIKE 'Written to a %'";
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Sqlite_file_moved_away_refuses_writes_and_recovers_when_moved_back()
    {
        await using var app = await FixItApp.StartAsync(DatabaseProvider.Sqlite, Settings);
        var token = await FormTokenAsync(app);
        var path = Path.Combine(app.DataFolder, "fixit.db");

        File.Move(path, path + ".away");
        await AssertEveryChannelRefusesAsync(app, token, "Written while the file was away");
        await AssertReadyAsync(app, HttpStatusCode.ServiceUnavailable);

        File.Move(path + ".away", path);
        await AssertReadyAsync(app, HttpStatusCode.OK);
        await app.Client.SubmitAsync(ReportRequests.Valid("Written once the file was back"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Reports.CountAsync(r => r.Title == "Written while the file was away")));
        Assert.Equal(1, await app.WithDbAsync(db => db.Reports.CountAsync(r => r.Title == "Written once the file was back")));
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
