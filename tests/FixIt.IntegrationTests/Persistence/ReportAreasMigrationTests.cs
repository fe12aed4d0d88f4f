using System.Globalization;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace FixIt.IntegrationTests.Persistence;

/// <summary>
/// A database from when areas and declines were comma-separated columns: ReportAreasAndDeclines turns them into rows
/// (dropping ids of areas deleted since), takes each decline's time and reason from the operator's "Not ours" note,
/// and going back down puts the ids back into the columns.
/// </summary>
public sealed class ReportAreasMigrationTests
{
    private static readonly DateTimeOffset Submitted = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Declined = new(2026, 5, 3, 14, 30, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Comma_separated_ids_become_rows_and_go_back_on_the_way_down(DatabaseProvider provider)
    {
        var folder = Directory.CreateTempSubdirectory("fixit-migration-").FullName;
        var database = $"fixit_migration_{Guid.NewGuid():N}";
        var connection = provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(folder, "fixit.db")};Pooling=False"
            : new NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString) { Database = database }.ToString();
        try
        {
            var options = new DbContextOptionsBuilder<FixItDbContext>();
            DatabaseRegistration.Configure(options, provider, connection);
            await using var db = new FixItDbContext(options.Options);
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var target = migrations.FindIndex(m => m.EndsWith("_ReportAreasAndDeclines", StringComparison.Ordinal));
            Assert.True(target > 0, "The ReportAreasAndDeclines migration is missing.");
            await migrator.MigrateAsync(migrations[target - 1]);

            var (submitted, declined) = (Time(provider, Submitted), Time(provider, Declined));
#pragma warning disable EF1002 // Test data in the old schema; the only interpolated text is constants and times.
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO "Categories" ("Id", "Code", "Name", "Group", "Description", "IsActive") VALUES (901, 'old-lamp', 'Old lamp', 'Lights', '', TRUE);
                INSERT INTO "Operators" ("Id", "Name", "Slug", "Kind", "AcknowledgeTargetDays", "FixTargetDays")
                VALUES (902, 'Old Buses', 'old-buses', 'transport', 5, 28), (903, 'Old Council', 'old-council', 'council', 5, 28),
                       (904, 'Old Rail', 'old-rail', 'transport', 5, 28);
                INSERT INTO "Areas" ("Id", "Name", "Code", "Kind", "GeometryWkb", "Size", "MinLongitude", "MinLatitude", "MaxLongitude", "MaxLatitude", "Source")
                VALUES (7, 'Ward 7', 'w7', 'ward', {Blob(provider)}, 1, 0, 0, 1, 1, ''), (17, 'County 17', 'c17', 'county', {Blob(provider)}, 9, 0, 0, 3, 3, '');
                INSERT INTO "Reports" ("Id", "CategoryId", "Title", "Description", "Latitude", "Longitude", "ReporterName", "ReporterEmail", "ShowName",
                    "Source", "Status", "RoutingExplanation", "ContainingAreaIds", "DeclinedOperatorIds", "CreatedAt", "UpdatedAt", "OperatorId")
                VALUES (905, 901, 'Declined twice', 'd', 0.5, 0.5, 'Ada', 'ada@example.net', FALSE, 'Web', 'Open', 'rule 1', '17,7,70', '902,904', {submitted}, {declined}, 903),
                       (906, 901, 'Nowhere', 'd', 0.5, 0.5, 'Bo', 'bo@example.net', FALSE, 'Web', 'Open', 'none', '', '', {submitted}, {submitted}, NULL);
                INSERT INTO "ReportEvents" ("ReportId", "Kind", "ActorKind", "Actor", "Source", "PublicText", "At", "IsPublic")
                VALUES (905, 'Note', 'Operator', 'Old Buses', 'EmailLink', 'Not ours: The shelter is the council''s.', {declined}, TRUE);
                """);
#pragma warning restore EF1002

            await migrator.MigrateAsync(migrations[target]);

            var areas = await db.Reports.AsNoTracking().Where(r => r.Id == 905).SelectMany(r => r.Areas.Select(a => a.AreaId)).OrderBy(a => a).ToListAsync();
            Assert.Equal([7, 17], areas);
            Assert.Empty(await db.Reports.AsNoTracking().Where(r => r.Id == 906).SelectMany(r => r.Areas).ToListAsync());
            var declines = await db.Reports.AsNoTracking().Where(r => r.Id == 905).SelectMany(r => r.Declines)
                .OrderBy(d => d.Id).Select(d => new { d.OperatorId, d.At, d.Reason }).ToListAsync();
            Assert.Equal(
            [
                new { OperatorId = 902, At = Declined, Reason = "The shelter is the council's." },
                new { OperatorId = 904, At = Declined, Reason = "" },
            ], declines);
            Assert.Empty(await db.Database.SqlQueryRaw<string>(ColumnsNamed(provider, "ContainingAreaIds")).ToListAsync());

            await migrator.MigrateAsync(migrations[target - 1]);
            var back = await db.Database.SqlQueryRaw<string>(
                """SELECT "ContainingAreaIds" || '|' || "DeclinedOperatorIds" AS "Value" FROM "Reports" ORDER BY "Id" """).ToListAsync();
            Assert.Equal(["7,17|902,904", "|"], back);
            await migrator.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            if (provider == DatabaseProvider.PostgreSql)
            {
                await TestPostgres.DropDatabaseAsync(database);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Time(DatabaseProvider provider, DateTimeOffset time) => provider == DatabaseProvider.Sqlite
        ? Convert.ToString(new DateTimeOffsetToBinaryConverter().ConvertToProvider(time), CultureInfo.InvariantCulture)!
        : $"'{time.UtcDateTime:yyyy-MM-dd HH:mm:ss}+00'";

    private static string Blob(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? "X'00'" : "'\\x00'::bytea";

    private static string ColumnsNamed(DatabaseProvider provider, string column) => provider == DatabaseProvider.Sqlite
        ? $"""SELECT "name" AS "Value" FROM pragma_table_info('Reports') WHERE "name" = '{column}'"""
        : $"""SELECT "column_name" AS "Value" FROM information_schema.columns WHERE "table_name" = 'Reports' AND "column_name" = '{column}'""";
}
