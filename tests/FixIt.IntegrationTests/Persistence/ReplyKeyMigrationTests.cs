using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace FixIt.IntegrationTests.Persistence;

/// <summary>
/// A database made before reply keys were per recipient: the migration gives each report's old key to its
/// operator (so replies in flight still work), or to the reporter when the report was never routed.
/// </summary>
public sealed class ReplyKeyMigrationTests
{
    [Theory]
    [MemberData(nameof(InboundMail.InboundMailFixture.Providers), MemberType = typeof(InboundMail.InboundMailFixture))]
    public async Task Each_reports_old_reply_key_goes_to_its_operator_and_the_column_goes(DatabaseProvider provider)
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
            var identity = migrations.FindIndex(m => m.EndsWith("_InboundMailIdentity", StringComparison.Ordinal));
            Assert.True(identity > 0, "The InboundMailIdentity migration is missing.");
            await migrator.MigrateAsync(migrations[identity - 1]);

            var now = provider == DatabaseProvider.Sqlite ? "0" : "now()";
#pragma warning disable EF1002 // Test data in the old schema; the only interpolated text is a constant.
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO "Categories" ("Id", "Code", "Name", "Group", "Description", "IsActive") VALUES (901, 'old-lamp', 'Old lamp', 'Lights', '', TRUE);
                INSERT INTO "Operators" ("Id", "Name", "Slug", "Kind", "AcknowledgeTargetDays", "FixTargetDays") VALUES (902, 'Old Council', 'old-council', 'council', 5, 28);
                INSERT INTO "Reports" ("Id", "CategoryId", "Title", "Description", "Latitude", "Longitude", "ReporterName", "ReporterEmail", "ShowName",
                    "Source", "Status", "RoutingExplanation", "ContainingAreaIds", "DeclinedOperatorIds", "ReplyKey", "CreatedAt", "UpdatedAt", "OperatorId")
                VALUES (903, 901, 'Routed', 'd', 53.8, -1.5, 'Ada', 'ada@example.net', FALSE, 'Web', 'Open', 'rule 1', '', '', 'oldoperatorkey22', {now}, {now}, 902),
                       (904, 901, 'Unrouted', 'd', 53.8, -1.5, 'Bo', 'bo@example.net', FALSE, 'Web', 'Open', 'none', '', '', 'oldreporterkey33', {now}, {now}, NULL);
                """);
#pragma warning restore EF1002

            await migrator.MigrateAsync();

            var keys = await db.ReplyKeys.AsNoTracking().OrderBy(k => k.ReportId)
                .Select(k => new { k.Key, k.ReportId, k.Holder, k.OperatorId, k.Address }).ToListAsync();
            Assert.Equal(2, keys.Count);
            Assert.Equal(new { Key = "oldoperatorkey22", ReportId = 903, Holder = ReplyKeyHolder.Operator, OperatorId = (int?)902, Address = "" }, keys[0]);
            Assert.Equal(new { Key = "oldreporterkey33", ReportId = 904, Holder = ReplyKeyHolder.Reporter, OperatorId = (int?)null, Address = "bo@example.net" }, keys[1]);
            Assert.Equal("Routed", await db.Reports.Where(r => r.Id == 903).Select(r => r.Title).SingleAsync());
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
}
