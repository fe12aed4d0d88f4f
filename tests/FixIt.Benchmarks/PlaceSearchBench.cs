using System.Diagnostics;
using System.Globalization;
using FixIt.Application.Features.Places.NearestPlace;
using FixIt.Application.Features.Places.SearchPlaces;
using FixIt.Domain.Places;
using FixIt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Benchmarks;

/// <summary>
/// The gazetteer at scale: `places sqlite FILE [COUNT]` or `places postgres CONNECTION [COUNT]` creates the schema in a
/// fresh database, stores COUNT (default 1,000,000) generated places the way import-places does, then times the real
/// search and reverse-lookup handlers, one query at a time, and prints p50/p95/p99. Results: docs/benchmarks.md.
/// </summary>
internal static class PlaceSearchBench
{
    private static readonly string[] Syllables =
    [
        "ash", "bar", "bel", "bro", "cal", "der", "dun", "el", "far", "gan", "hol", "ing", "kel", "lan", "mar", "mor", "nor",
        "ock", "pen", "quar", "ros", "sal", "ston", "tal", "thorp", "ven", "wick", "wes", "yar", "zel", "é", "ü",
    ];

    private static readonly string[] Kinds = ["street", "stop", "village", "town", "postcode", "park"];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            await Console.Error.WriteLineAsync("usage: places sqlite FILE [COUNT] | places postgres CONNECTION [COUNT]");
            return 2;
        }

        var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
        var options = args[0] == "sqlite"
            ? new DbContextOptionsBuilder<FixItDbContext>().UseSqlite($"Data Source={args[1]}").Options
            : new DbContextOptionsBuilder<FixItDbContext>().UseNpgsql(args[1]).Options;
        await using (var db = new FixItDbContext(options))
        {
            await db.Database.EnsureDeletedAsync();
            await db.Database.EnsureCreatedAsync();
        }

        var random = new Random(18);
        var names = new List<string>();
        var load = Stopwatch.StartNew();
        for (var done = 0; done < count;)
        {
            await using var db = new FixItDbContext(options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var batch = Math.Min(5_000, count - done);
            for (var i = 0; i < batch; i++)
            {
                var (place, name) = Generate(random, done + i);
                db.Places.Add(place);
                if (names.Count < 20_000 && random.Next(50) == 0)
                {
                    names.Add(name);
                }
            }

            await db.SaveChangesAsync();
            done += batch;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stored {count:N0} places in {load.Elapsed.TotalSeconds:0} s"));
        await using (var db = new FixItDbContext(options))
        {
            var keys = await db.PlaceKeys.CountAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{keys:N0} keys ({(double)keys / count:0.00} per place)"));
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        // Typed prefixes of real names (3 to 8 letters, a word in or not), postcodes, and points near places.
        var queries = Enumerable.Range(0, 2_000).Select(i =>
        {
            var name = names[random.Next(names.Count)];
            var words = name.Split(' ');
            var text = i % 4 == 0 && words.Length > 1 ? string.Join(' ', words[1..]) : name;
            return i % 10 == 9 ? $"ZZ{random.Next(100)} {random.Next(10)}" : text[..Math.Min(text.Length, 3 + random.Next(6))];
        }).ToList();
        await TimeAsync("search", options, queries, async (db, q) => (await new SearchPlacesHandler(db, []).Handle(new SearchPlacesQuery(q), default)).Count);
        var points = Enumerable.Range(0, 2_000).Select(_ => (random.NextDouble() * 10 + 45, random.NextDouble() * 10 - 5)).ToList();
        await TimeAsync("nearest", options, points, async (db, p) => await new NearestPlaceFinder(db).FindAsync(p.Item1, p.Item2, default) is null ? 0 : 1);
        return 0;
    }

    private static async Task TimeAsync<T>(string what, DbContextOptions<FixItDbContext> options, List<T> inputs, Func<FixItDbContext, T, Task<int>> run)
    {
        await using var db = new FixItDbContext(options);
        foreach (var input in inputs.Take(200))
        {
            await run(db, input); // warm-up: connections, query compilation, caches
        }

        var times = new List<double>();
        var found = 0;
        foreach (var input in inputs)
        {
            var watch = Stopwatch.StartNew();
            found += await run(db, input) > 0 ? 1 : 0;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        double At(double p) => times[(int)Math.Min(times.Count - 1, Math.Floor(p * times.Count))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {inputs.Count} queries, {found} with results, p50 {At(0.5):0.00} ms, p95 {At(0.95):0.00} ms, p99 {At(0.99):0.00} ms, max {times[^1]:0.00} ms"));
    }

    // Places spread over 10° × 10° of Europe, names of one to four made-up words, some with a postcode.
    private static (Place Place, string Name) Generate(Random random, int n)
    {
        var words = Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Word(random));
        var name = string.Join(' ', words);
        var kind = Kinds[random.Next(Kinds.Length)];
        var code = kind == "postcode" ? $"ZZ{n % 100} {n % 10}{(char)('A' + (n % 26))}{(char)('A' + (n / 26 % 26))}" : null;
        var population = kind is "town" or "village" ? random.Next(200, 300_000) : 0;
        return (Place.Create(name, kind, code, 45 + (random.NextDouble() * 10), -5 + (random.NextDouble() * 10), population, "bench"), name);
    }

    private static string Word(Random random)
    {
        var word = string.Concat(Enumerable.Range(0, 2 + random.Next(2)).Select(_ => Syllables[random.Next(Syllables.Length)]));
        return char.ToUpperInvariant(word[0]) + word[1..];
    }
}
