using BenchmarkDotNet.Attributes;
using FixIt.Domain.Spatial;

namespace FixIt.Benchmarks;

/// <summary>Index build time and the memory allocated while building (retained size: see `verify`).</summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class BuildBenchmarks
{
    private IReadOnlyList<IndexedArea> _areas = [];

    [Params("counties", "counties+states")]
    public string Areas { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _areas = Areas == "counties" ? BenchmarkData.Counties() : BenchmarkData.CountiesAndStates();

    [Benchmark]
    public AreaIndex Build() => new AreaIndexBuilder().Build(_areas);
}
