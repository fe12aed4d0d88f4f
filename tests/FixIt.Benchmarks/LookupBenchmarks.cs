using BenchmarkDotNet.Attributes;
using FixIt.Domain.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace FixIt.Benchmarks;

/// <summary>
/// Every area containing a point, for all 33,791 shuffled ZIP centroids per invocation: FixIt's index against
/// the usual in-process choice, an STRtree of prepared geometries. Times are per point.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class LookupBenchmarks
{
    private const int Points = 33_791;
    private (double Lon, double Lat)[] _points = [];
    private Point[] _ntsPoints = [];
    private AreaIndex _index = null!;
    private STRtree<IPreparedGeometry> _tree = null!;

    [Params("counties", "counties+states", "densified counties")]
    public string Areas { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var areas = Areas switch
        {
            "counties" => BenchmarkData.Counties(),
            "counties+states" => BenchmarkData.CountiesAndStates(),
            _ => BenchmarkData.DensifiedCounties(),
        };
        _points = BenchmarkData.Points();
        if (_points.Length != Points)
        {
            throw new InvalidOperationException($"Expected {Points} points, found {_points.Length}.");
        }

        _ntsPoints = BenchmarkData.NtsPoints(_points);
        _index = new AreaIndexBuilder().Build(areas);
        _tree = new STRtree<IPreparedGeometry>();
        foreach (var area in areas)
        {
            _tree.Insert(area.Geometry.EnvelopeInternal, PreparedGeometryFactory.Prepare(area.Geometry));
        }

        _tree.Build();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Points)]
    public int FixItIndex()
    {
        Span<int> found = stackalloc int[16];
        var total = 0;
        foreach (var (lon, lat) in _points)
        {
            total += _index.FindCovering(lon, lat, found);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Points)]
    public int NtsStrTreePrepared()
    {
        var total = 0;
        foreach (var point in _ntsPoints)
        {
            foreach (var candidate in _tree.Query(point.EnvelopeInternal))
            {
                if (candidate.Covers(point))
                {
                    total++;
                }
            }
        }

        return total;
    }
}
