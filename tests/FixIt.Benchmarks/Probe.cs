using System.Diagnostics;
using FixIt.Domain.Spatial;

namespace FixIt.Benchmarks;

/// <summary>
/// A quick comparison of index settings without BenchmarkDotNet: <c>probe 16,8,1 24,8,1</c> (cells per edge, leaf
/// edge budget, minimum partial depth). Each setting is timed over all points several times, the settings taking
/// turns, and the best pass per setting is printed (CPU time per point, not wall time: on a shared machine the
/// wall clock also measures other people's work).
/// </summary>
internal static class Probe
{
    public static int Run(string[] settings)
    {
        var points = BenchmarkData.Points();
        var found = new int[16];
        settings = settings.Length > 0 ? settings : ["16,8,1", "24,8,1", "32,8,1"];
        foreach (var (name, areas) in new (string, Func<IReadOnlyList<IndexedArea>>)[]
        {
            ("counties", BenchmarkData.Counties),
            ("counties + states", BenchmarkData.CountiesAndStates),
            ("densified counties", () => BenchmarkData.DensifiedCounties()),
        })
        {
            var set = areas();
            var indexes = settings.Select(s =>
            {
                var p = s.Split(',').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                return (Setting: s, Index: new AreaIndexBuilder { CellsPerEdge = p[0], LeafEdgeBudget = (int)p[1], MinPartialDepth = (int)p[2] }.Build(set));
            }).ToList();
            var best = indexes.Select(_ => double.MaxValue).ToArray();
            for (var round = 0; round < 7; round++)
            {
                for (var k = 0; k < indexes.Count; k++)
                {
                    const int passes = 20;
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var total = 0;
                    for (var pass = 0; pass < passes; pass++)
                    {
                        foreach (var (lon, lat) in points)
                        {
                            total += indexes[k].Index.FindCovering(lon, lat, found);
                        }
                    }

                    var perPoint = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalNanoseconds / (passes * (double)points.Length);
                    best[k] = Math.Min(best[k], perPoint);
                    GC.KeepAlive(total);
                }
            }

            for (var k = 0; k < indexes.Count; k++)
            {
                Console.WriteLine($"{name}: {indexes[k].Setting}: best {best[k]:N1} ns/point, {indexes[k].Index.SizeInBytes / 1048576.0:N1} MiB");
            }
        }

        return 0;
    }
}
