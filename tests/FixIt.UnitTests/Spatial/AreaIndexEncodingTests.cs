using FixIt.Domain.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace FixIt.UnitTests.Spatial;

/// <summary>
/// The leaf encoding — runs of consecutive edges in the shared vertex array (one packed int each, cut at 128 edges,
/// or two ints in the wide form), toggles named by vertex, packed or wide partial entries — read back against
/// NetTopologySuite's Covers where it is easiest to get wrong: long runs, runs across a ring's start, holes,
/// multipolygons, boxes on both sides of the antimeridian, vertices, edges and root-cell boundaries.
/// </summary>
public sealed class AreaIndexEncodingTests
{
    private static readonly GeometryFactory Factory = new();

    public static TheoryData<bool> Formats => [false, true];

    /// <summary>A regular polygon of <paramref name="sides"/> vertices, starting at angle 0.</summary>
    private static LinearRing Circle(double cx, double cy, double r, int sides, bool clockwise = false)
    {
        var coordinates = new Coordinate[sides + 1];
        for (var k = 0; k < sides; k++)
        {
            var angle = (clockwise ? -1 : 1) * 2 * Math.PI * k / sides;
            coordinates[k] = new Coordinate(cx + r * Math.Cos(angle), cy + r * Math.Sin(angle));
        }

        coordinates[sides] = coordinates[0];
        return Factory.CreateLinearRing(coordinates);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_run_longer_than_128_edges_is_cut_and_read_back_whole(bool wideFormat)
    {
        // 8,000 edges over the smallest root grid (64 cells) and no refinement: a boundary cell holds hundreds of
        // consecutive edges, one run cut into pieces of 128.
        var areas = new List<IndexedArea> { new(1, Factory.CreatePolygon(Circle(0, 0, 1, 8000))) };
        var builder = new AreaIndexBuilder { LeafEdgeBudget = 100_000, MinPartialDepth = 0, MaxDepth = 0, CellsPerEdge = 0.001, WideFormat = wideFormat };

        var index = AssertAgrees(areas, builder, Grid(-1.2, -1.2, 1.2, 1.2, 0.05));
        Assert.True(Grid(-1.2, -1.2, 1.2, 1.2, 0.05).Max(p => index.Shape(p.X, p.Y).TestedEdges) > 2 * 128);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Edges_either_side_of_a_ring_start_are_two_runs_and_both_count(bool wideFormat)
    {
        // The ring starts at (1, 0): its first and last edges meet there, in the same leaf, as two runs.
        var areas = new List<IndexedArea> { new(1, Factory.CreatePolygon(Circle(0, 0, 1, 40))) };
        var builder = new AreaIndexBuilder { LeafEdgeBudget = 64, MinPartialDepth = 0, WideFormat = wideFormat };

        AssertAgrees(areas, builder, [(1, 0), (0.999, 0), (1.001, 0), (0.999, 0.01), (0.999, -0.01), (1.0001, 1e-9), (0.9999, -1e-9),
            .. Grid(0.8, -0.2, 1.2, 0.2, 0.01)]);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Holes_and_multipolygons_agree(bool wideFormat)
    {
        var ringWithHoles = Factory.CreatePolygon(Circle(0, 0, 10, 300), [Circle(3, 0, 2, 90, clockwise: true), Circle(-4, 2, 1.5, 7, clockwise: true)]);
        var islands = Factory.CreateMultiPolygon([
            Factory.CreatePolygon(Circle(15, 0, 3, 50)),
            Factory.CreatePolygon(Circle(22, 4, 2, 200), [Circle(22, 4, 1, 200, clockwise: true)]),
            Factory.CreatePolygon(Circle(22, 4, 0.5, 5)),
        ]);
        var areas = new List<IndexedArea> { new(1, ringWithHoles), new(2, islands), new(3, AreaIndexTests.Box(-12, -12, 26, 12)) };
        var builder = new AreaIndexBuilder { LeafEdgeBudget = 12, WideFormat = wideFormat };

        AssertAgrees(areas, builder, [.. Grid(-12.5, -12.5, 26.5, 12.5, 0.25), .. Vertices(areas)]);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Boxes_either_side_of_the_antimeridian_agree_on_their_edges(bool wideFormat)
    {
        var areas = new List<IndexedArea>
        {
            new(1, AreaIndexTests.Box(170, 50, 180, 60)),
            new(2, AreaIndexTests.Box(-180, 50, -170, 90)),
            new(3, Factory.CreateMultiPolygon([AreaIndexTests.Box(175, -20, 180, -10), AreaIndexTests.Box(-180, -20, -175, -10)])),
        };
        var builder = new AreaIndexBuilder { WideFormat = wideFormat };

        AssertAgrees(areas, builder, [.. Grid(-180, -25, -165, 90, 1.25), .. Grid(165, -25, 180, 90, 1.25), (180, 55), (-180, 55), (180, -10), (-180, 90)]);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Points_on_root_and_refined_cell_boundaries_agree(bool wideFormat)
    {
        // Power-of-two extents and steps put points exactly on cell edges at every level.
        var areas = RandomShapes.Stars(new Random(11), 20).Append(new IndexedArea(99, AreaIndexTests.Box(0, 0, 100, 100))).ToList();
        var builder = new AreaIndexBuilder { CellsPerEdge = 1, LeafEdgeBudget = 4, WideFormat = wideFormat };

        AssertAgrees(areas, builder, Grid(0, 0, 100, 100, 100.0 / 256));
    }

    private static IEnumerable<(double X, double Y)> Grid(double x0, double y0, double x1, double y1, double step)
    {
        for (var x = x0; x <= x1; x += step)
        {
            for (var y = y0; y <= y1; y += step)
            {
                yield return (x, y);
            }
        }
    }

    private static IEnumerable<(double X, double Y)> Vertices(IEnumerable<IndexedArea> areas) =>
        areas.SelectMany(a => a.Geometry.Coordinates).Select(c => (c.X, c.Y));

    private static AreaIndex AssertAgrees(List<IndexedArea> areas, AreaIndexBuilder builder, IEnumerable<(double X, double Y)> points)
    {
        var index = builder.Build(areas);
        var prepared = areas.Select(a => (a.Id, Geometry: PreparedGeometryFactory.Prepare(a.Geometry))).ToList();
        var disagreements = new List<string>();
        var checkedPoints = 0;
        Span<int> found = stackalloc int[16];
        foreach (var (x, y) in points.Concat(Vertices(areas)))
        {
            var point = new Point(x, y);
            var expected = prepared.Where(p => p.Geometry.Covers(point)).Select(p => p.Id).Order().ToArray();
            var count = index.FindCovering(x, y, found);
            if (!expected.SequenceEqual(found[..count].ToArray().Order()))
            {
                disagreements.Add($"({x}, {y}): NTS [{string.Join(',', expected)}], index [{string.Join(',', found[..count].ToArray())}]");
            }

            checkedPoints++;
        }

        Assert.True(checkedPoints > 50);
        Assert.Empty(disagreements);
        return index;
    }
}
