using System.Diagnostics;
using FixIt.Benchmarks.Web;
using FixIt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

// Usage: dotnet run -c Release --project tests/FixIt.Benchmarks.Web -- <Sqlite|PostgreSql> <connection string> [reports]
// Migrates an empty database and fills it; then run the app on it and load it with wrk (docs/benchmarks.md).
if (args.Length < 2 || !Enum.TryParse<DatabaseProvider>(args[0], ignoreCase: true, out var provider) || provider == DatabaseProvider.SqlServer)
{
    Console.Error.WriteLine("usage: FixIt.Benchmarks.Web <Sqlite|PostgreSql> <connection string> [reports, default 1000000]");
    return 2;
}

var count = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
var options = DatabaseRegistration.Configure(new DbContextOptionsBuilder<FixItDbContext>(), provider, args[1], commandTimeoutSeconds: 3600).Options;
await using var db = new FixItDbContext((DbContextOptions<FixItDbContext>)options);
var clock = Stopwatch.StartNew();
await db.Database.MigrateAsync();
if (await db.Categories.AnyAsync())
{
    Console.Error.WriteLine("The database already has data; give an empty one.");
    return 1;
}

var (places, categories, busOperatorId) = await ReferenceData.CreateAsync(db);
var reports = new ReportGenerator(places, categories, busOperatorId, DateTimeOffset.UtcNow).Generate(count);
Console.WriteLine($"Writing {count:N0} reports over {places.Count} cities ({provider})...");
if (provider == DatabaseProvider.Sqlite)
{
    await BulkWriters.WriteSqliteAsync(db, reports);
}
else
{
    await BulkWriters.WritePostgreSqlAsync(db, reports);
}

Console.WriteLine($"Done in {clock.Elapsed.TotalSeconds:N0} s.");
return 0;
