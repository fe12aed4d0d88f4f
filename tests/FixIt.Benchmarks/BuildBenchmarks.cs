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

    [Params("counties", "counties+states", "densified counties")]
    public string Areas { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _areas = Areas switch
    {
        "counties" => BenchmarkData.Counties(),
        "counties+states" => BenchmarkData.CountiesAndStates(),
        _ => BenchmarkData.DensifiedCounties(),
    };

    [Benchmark]
    public AreaIndex Build() => new AreaIndexBuilder().Build(_areas);
}
