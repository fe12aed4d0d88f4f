using FixIt.Domain.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace FixIt.UnitTests.Spatial;

/// <summary>The index must give exactly NetTopologySuite's Covers answer, boundary points included.</summary>
public sealed class AreaIndexAgreementTests
{
    [Theory]
    [InlineData(1, 8, 10, false)]
    [InlineData(2, 2, 12, false)]
    [InlineData(3, 64, 3, false)]
    [InlineData(4, 12, 5, true)]
    [InlineData(5, 400, 1, false)]
    public void Every_answer_matches_NetTopologySuite_covers(int seed, int leafEdgeBudget, int maxDepth, bool wideFormat)
    {
        var random = new Random(seed);
        var areas = RandomShapes.Stars(random, 60).ToList();
        var index = new AreaIndexBuilder { LeafEdgeBudget = leafEdgeBudget, MaxDepth = maxDepth, WideFormat = wideFormat }.Build(areas);
        var prepared = areas.Select(a => (a.Id, Geometry: PreparedGeometryFactory.Prepare(a.Geometry))).ToList();

        var points = new List<(double X, double Y)>();
        for (var k = 0; k < 5000; k++)
        {
            points.Add((random.NextDouble() * 100, random.NextDouble() * 100));
            points.Add((Math.Round(random.NextDouble() * 100, 1), Math.Round(random.NextDouble() * 100, 1)));
        }

        // Vertices and edge midpoints: the points where a sloppy test goes wrong.
        foreach (var area in areas)
        {
            var c = area.Geometry.Coordinates;
            for (var k = 0; k + 1 < c.Length; k++)
            {
                points.Add((c[k].X, c[k].Y));
                points.Add(((c[k].X + c[k + 1].X) / 2, (c[k].Y + c[k + 1].Y) / 2));
            }
        }

        Span<int> found = stackalloc int[64];
        var disagreements = new List<string>();
        foreach (var (x, y) in points)
        {
            var point = new Point(x, y);
            var expected = prepared.Where(p => p.Geometry.Covers(point)).Select(p => p.Id).Order().ToArray();
            var count = index.FindCovering(x, y, found);
            var actual = found[..count].ToArray().Order().ToArray();
            if (!expected.SequenceEqual(actual))
            {
                disagreements.Add($"({x}, {y}): NTS [{string.Join(',', expected)}], index [{string.Join(',', actual)}]");
            }
        }

        Assert.Empty(disagreements);
    }
}
