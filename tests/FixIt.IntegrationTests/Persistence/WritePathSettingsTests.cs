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
    public async Task Ceiling_endpoint_exists_only_when_the_benchmark_setting_maps_it()
    {
        var body = ReportRequests.Valid("Ceiling");
        await using (var plain = await FixItApp.StartAsync(DatabaseProvider.Sqlite))
        {
            using var missing = await plain.Client.PostAsJsonAsync("bench/ceiling", body);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        await using var bench = await FixItApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Benchmark:CeilingEndpoint"] = "true" });
        using var created = await bench.Client.PostAsJsonAsync("bench/ceiling", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(0, await bench.WithDbAsync(db => db.Reports.CountAsync(r => r.Title == "Ceiling")));
    }
}
