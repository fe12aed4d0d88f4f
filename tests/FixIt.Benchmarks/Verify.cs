using System.Diagnostics;
using FixIt.Domain.Spatial;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace FixIt.Benchmarks;

/// <summary>Builds each index once, reports build time and size, and compares every answer with NTS Covers.</summary>
internal static class Verify
{
    /// <summary>Only the sets whose name contains one of the arguments (all when none is given).</summary>
    public static int Run(string[] only)
    {
        var points = BenchmarkData.Points();
        var failures = 0;
        foreach (var (name, areas) in new (string, Func<IReadOnlyList<IndexedArea>>)[]
        {
            ("counties", BenchmarkData.Counties),
            ("counties + states", BenchmarkData.CountiesAndStates),
            ("densified counties", () => BenchmarkData.DensifiedCounties()),
        }.Where(s => only.Length == 0 || only.Any(o => s.Item1.Contains(o, StringComparison.OrdinalIgnoreCase))))
        {
            failures += Check(name, areas(), points);
        }

        return failures == 0 ? 0 : 1;
    }

    /// <summary>FIXIT_INDEX="cellsPerEdge,budget,minPartialDepth" tries other settings.</summary>
    private static AreaIndexBuilder Tuning(string settings)
    {
        var parts = settings.Split(',').Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new AreaIndexBuilder { CellsPerEdge = parts[0], LeafEdgeBudget = (int)parts[1], MinPartialDepth = (int)parts[2] };
    }

    private static int Check(string name, IReadOnlyList<IndexedArea> areas, (double Lon, double Lat)[] points)
    {
        var builder = Environment.GetEnvironmentVariable("FIXIT_INDEX") is { } settings
            ? Tuning(settings)
            : new AreaIndexBuilder();
        builder.Build(areas); // warm-up: JIT and first-touch costs are not the build's
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var index = builder.Build(areas);
        var elapsed = Stopwatch.GetElapsedTime(started);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var retained = GC.GetTotalMemory(true) - before;

        var tree = new STRtree<(int Id, IPreparedGeometry Geometry)>();
        foreach (var area in areas)
        {
            tree.Insert(area.Geometry.EnvelopeInternal, (area.Id, PreparedGeometryFactory.Prepare(area.Geometry)));
        }

        tree.Build();
        var disagreements = 0;
        var shapes = points.Select(p => index.Shape(p.Lon, p.Lat)).ToList();
        var direct = shapes.Count(x => x.TestedAreas == 0) / (double)points.Length;
        Span<int> found = stackalloc int[16];
        foreach (var (lon, lat) in points)
        {
            var point = new NetTopologySuite.Geometries.Point(lon, lat);
            var expected = tree.Query(point.EnvelopeInternal).Where(c => c.Geometry.Covers(point)).Select(c => c.Id).Order().ToArray();
            var count = index.FindCovering(lon, lat, found);
            var actual = found[..count].ToArray().Order().ToArray();
            if (!expected.SequenceEqual(actual))
            {
                if (disagreements++ < 5)
                {
                    Console.WriteLine($"  {lon},{lat}: NTS [{string.Join(',', expected)}] index [{string.Join(',', actual)}]");
                }
            }
        }

        Console.WriteLine($"{name}: {areas.Count} areas, {BenchmarkData.VertexCount(areas):N0} vertices; build {elapsed.TotalMilliseconds:N0} ms (CPU {cpu.TotalMilliseconds:N0} ms) allocating {allocated / 1048576.0:N0} MiB, " +
            $"index arrays {index.SizeInBytes / 1048576.0:N1} MiB, retained {retained / 1048576.0:N1} MiB; " +
            $"{points.Length:N0} points, {disagreements} disagreements with NTS Covers; " +
            $"{direct:P1} answered without a point-in-polygon test, {shapes.Average(x => x.TestedEdges):N2} edges and " +
            $"{shapes.Average(x => x.Depth):N2} refinement levels per point on average");
        return disagreements;
    }
}
