using System.Data.Common;
using FixIt.Application.Features.Reports.SearchReports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Xunit.Abstractions;

namespace FixIt.IntegrationTests.Reports;

/// <summary>
/// "Reports in area N" on PostgreSQL reads the (AreaId, ReportId) index of ReportAreas, not every report: the plan of
/// the SQL the search handler really sends (with its parameters), on 50,000 reports in 200 areas, analysed.
/// </summary>
public sealed class AreaFilterPlanTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_area_filter_uses_the_report_areas_index_on_postgresql()
    {
        var database = $"fixit_plan_{Guid.NewGuid():N}";
        var connection = new NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString) { Database = database }.ToString();
        try
        {
            var explain = new ExplainingInterceptor("\"ReportAreas\"");
            var options = new DbContextOptionsBuilder<FixItDbContext>();
            DatabaseRegistration.Configure(options, DatabaseProvider.PostgreSql, connection);
            options.AddInterceptors(explain);
            await using var db = new FixItDbContext(options.Options);
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Categories" ("Id", "Code", "Name", "Group", "Description", "IsActive") VALUES (1, 'lamp', 'Lamp', 'Lights', '', TRUE);
                INSERT INTO "Areas" ("Id", "Name", "Code", "Kind", "GeometryWkb", "Size", "MinLongitude", "MinLatitude", "MaxLongitude", "MaxLatitude", "Source")
                SELECT g, 'Ward ' || g, 'w' || g, 'ward', '\x00'::bytea, 1, 0, 0, 1, 1, '' FROM generate_series(1, 200) g;
                INSERT INTO "Reports" ("Id", "CategoryId", "Title", "Description", "Latitude", "Longitude", "ReporterName", "ReporterEmail", "ShowName",
                    "Source", "Status", "RoutingExplanation", "CreatedAt", "UpdatedAt")
                SELECT g, 1, 'Report ' || g, 'd', 0.5, 0.5, 'Ada', 'ada@example.net', FALSE, 'Web', 'Open', 'r', now(), now()
                FROM generate_series(1, 50000) g;
                INSERT INTO "ReportAreas" ("ReportId", "AreaId") SELECT g, 1 + g % 200 FROM generate_series(1, 50000) g;
                """);
            // As autovacuum would soon: statistics, and the visibility map that index-only scans need.
            await db.Database.ExecuteSqlRawAsync("""VACUUM (ANALYZE) "Reports", "ReportAreas";""");

            var handler = new SearchReportsHandler(db, TimeProvider.System, new ReportSummaries(db));
            var result = await handler.Handle(new SearchReportsQuery(null, null, null, null, 42, null), CancellationToken.None);

            Assert.Equal(SearchReportsQuery.DefaultLimit, result.Items.Count);
            Assert.True(result.HasMore);
            Assert.All(result.Items, r => Assert.Equal(41, r.Id % 200));
            var plan = Assert.Single(explain.Plans);
            output.WriteLine(plan);
            Assert.Contains("using \"IX_ReportAreas_AreaId_ReportId\" on \"ReportAreas\"", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    /// <summary>Before each query whose text names <paramref name="marker"/>, runs EXPLAIN on it with the same parameters.</summary>
    private sealed class ExplainingInterceptor(string marker) : DbCommandInterceptor
    {
        public List<string> Plans { get; } = [];

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains(marker, StringComparison.Ordinal))
            {
                await using var explain = new NpgsqlCommand("EXPLAIN " + command.CommandText, (NpgsqlConnection)command.Connection!);
                foreach (NpgsqlParameter parameter in command.Parameters)
                {
                    explain.Parameters.Add(parameter.Clone());
                }

                var lines = new List<string>();
                await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        lines.Add(reader.GetString(0));
                    }
                }

                Plans.Add(string.Join('\n', lines));
            }

            return result;
        }
    }
}
