using System.Diagnostics;
using FixIt.Domain.Spatial;

namespace FixIt.Benchmarks;

/// <summary>A quick look without BenchmarkDotNet: best of several passes over all points, per point.</summary>
internal static class Probe
{
    public static int Run()
    {
        var points = BenchmarkData.Points();
        var found = new int[16];
        foreach (var (name, areas) in new (string, Func<IReadOnlyList<IndexedArea>>)[]
        {
            ("counties", BenchmarkData.Counties),
            ("counties + states", BenchmarkData.CountiesAndStates),
        })
        {
            var set = areas();
            foreach (var cellsPerEdge in new[] { 2.0, 8, 32 })
            {
                foreach (var budget in new[] { 4, 8, 16 })
                {
                    var index = new AreaIndexBuilder { CellsPerEdge = cellsPerEdge, LeafEdgeBudget = budget }.Build(set);
                    // CPU time, not wall time: on a shared machine the wall clock mostly measures other people's builds.
                    const int passes = 40;
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var total = 0;
                    for (var pass = 0; pass < passes; pass++)
                    {
                        foreach (var (lon, lat) in points)
                        {
                            total += index.FindCovering(lon, lat, found);
                        }
                    }

                    var best = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalNanoseconds / (passes * (double)points.Length);

                    Console.WriteLine($"{name}: cells/edge {cellsPerEdge}, budget {budget}: {best:N1} ns/point, {index.SizeInBytes / 1048576.0:N1} MiB");
                }
            }
        }

        return 0;
    }
}
