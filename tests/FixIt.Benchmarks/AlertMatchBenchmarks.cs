using BenchmarkDotNet.Attributes;
using FixIt.Domain.Alerts;

namespace FixIt.Benchmarks;

/// <summary>
/// Finding the alerts one new report matches among 100,000 confirmed alerts (issue 16, item 7; ADR 0105): 80,000
/// radius alerts (50 m to 20 km, log-uniform) over a 6° × 6° region, 20,000 alerts for 500 areas, a third of all
/// limited to one to three of ten categories. Each invocation matches 1,000 reports at random points of the region, in
/// three areas each; times are per report. <see cref="Scan"/> is the same question answered by reading every alert.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class AlertMatchBenchmarks
{
    private const int Alerts = 100_000;
    private const int Reports = 1_000;
    private AlertShape[] _alerts = [];
    private (double Lat, double Lon, int[] Areas, int Category)[] _reports = [];
    private AlertIndex _index = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(16);
        _alerts = new AlertShape[Alerts];
        for (var i = 0; i < Alerts; i++)
        {
            IReadOnlyList<int> categories = random.Next(3) == 0 ? [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(10)).Distinct()] : [];
            _alerts[i] = i < 80_000
                ? new AlertShape(i + 1, 50 + random.NextDouble() * 6, -5 + random.NextDouble() * 6,
                    (int)Math.Round(50 * Math.Pow(400, random.NextDouble())), null, categories)
                : new AlertShape(i + 1, null, null, null, random.Next(500), categories);
        }

        _reports = [.. Enumerable.Range(0, Reports).Select(_ => (50 + random.NextDouble() * 6, -5 + random.NextDouble() * 6,
            new[] { random.Next(500), random.Next(500), random.Next(500) }, random.Next(10)))];
        _index = AlertIndex.Build(_alerts, 1);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Reports)]
    public int Index()
    {
        var found = 0;
        foreach (var (lat, lon, areas, category) in _reports)
        {
            found += _index.Match(lat, lon, areas, category).Count;
        }

        return found;
    }

    // A tenth of the reports: reading 100,000 alerts per report is slow enough.
    [Benchmark(OperationsPerInvoke = Reports / 10)]
    public int Scan()
    {
        var found = 0;
        foreach (var (lat, lon, areas, category) in _reports.AsSpan(0, Reports / 10))
        {
            foreach (var alert in _alerts)
            {
                var wanted = alert.CategoryIds.Count == 0 || alert.CategoryIds.Contains(category);
                if (wanted && (alert.AreaId is { } area ? areas.Contains(area)
                    : AlertIndex.DistanceMetres(lat, lon, alert.Latitude!.Value, alert.Longitude!.Value) <= alert.RadiusMetres!.Value))
                {
                    found++;
                }
            }
        }

        return found;
    }

    /// <summary>Building the index from 100,000 alerts, as an instance does when the alert version moves.</summary>
    [Benchmark(OperationsPerInvoke = 1)]
    public int Build() => AlertIndex.Build(_alerts, 2).Count;
}
