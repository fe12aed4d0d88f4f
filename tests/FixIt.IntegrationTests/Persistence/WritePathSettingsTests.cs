using System.Net;
using System.Net.Http.Json;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Persistence;

/// <summary>The settings of the write path that the submit benchmark relies on (docs/benchmarks.md, ADR 0081).</summary>
public sealed class WritePathSettingsTests
{
    [Theory]
    [InlineData(null, 1)]
    [InlineData("Full", 2)]
    [InlineData("Normal", 1)]
    public async Task Sqlite_connections_sync_at_checkpoints_unless_set_to_full(string? setting, int expected)
    {
        var settings = new Dictionary<string, string?>();
        if (setting is not null)
        {
            settings["Database:SqliteSynchronous"] = setting;
        }

        await using var app = await FixItApp.StartAsync(DatabaseProvider.Sqlite, settings);
        var level = await app.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT synchronous AS \"Value\" FROM pragma_synchronous").SingleAsync());

        Assert.Equal(expected, level);
    }

    [Fact]
    public async Task Every_pooled_sqlite_connection_has_the_setting_whether_new_or_handed_out_again()
    {
        // The setting is applied once per native connection (ADR 0082); SQLite's own default is FULL (2), so a
        // connection the interceptor skipped by mistake would answer 2, not the configured NORMAL (1).
        await using var app = await FixItApp.StartAsync(DatabaseProvider.Sqlite);
        for (var round = 0; round < 3; round++)
        {
            // Four at once: the pool opens new connections in the first round and hands the same ones out after.
            var levels = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.WithDbAsync(async db =>
            {
                await db.Database.OpenConnectionAsync();
                try
                {
                    await Task.Delay(100);
                    return await db.Database.SqlQueryRaw<int>("SELECT synchronous AS \"Value\" FROM pragma_synchronous").SingleAsync();
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            })));

            Assert.All(levels, level => Assert.Equal(1, level));
        }
    }

    [Fact]
    public async Task Ceiling_endpoint_exists_only_when_the_benchmark_setting_maps_it()
    {
        var body = ReportRequests.Valid("Ceiling");
        await using (var plain = await FixItApp.StartAsync(DatabaseProvider.Sqlite))
        {
            using var missing = await plain.Client.PostAsJsonAsync("bench/ceiling", body);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        await using var bench = await FixItApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Benchmark:EnableCeilingEndpoint"] = "true" });
        using var created = await bench.Client.PostAsJsonAsync("bench/ceiling", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(0, await bench.WithDbAsync(db => db.Reports.CountAsync(r => r.Title == "Ceiling")));
    }
}
