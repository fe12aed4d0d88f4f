using FixIt.Domain.Spatial;
using NetTopologySuite.Geometries;

namespace FixIt.UnitTests.Spatial;

public sealed class AreaIndexTests
{
    private static readonly GeometryFactory Factory = new();

    internal static Polygon Box(double x0, double y0, double x1, double y1) =>
        Factory.CreatePolygon([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);

    private static int[] Find(AreaIndex index, double lon, double lat)
    {
        Span<int> found = stackalloc int[16];
        var count = index.FindCovering(lon, lat, found);
        return [.. found[..count].ToArray().Order()];
    }

    [Fact]
    public void Points_inside_one_of_two_neighbours_find_only_that_one()
    {
        var index = new AreaIndexBuilder().Build([new(1, Box(0, 0, 10, 10)), new(2, Box(10, 0, 20, 10))]);

        Assert.Equal([1], Find(index, 3, 4));
        Assert.Equal([2], Find(index, 15.5, 9.9));
        Assert.Empty(Find(index, 25, 5));
        Assert.Empty(Find(index, 5, -0.0001));
    }

    [Theory]
    [InlineData(10, 5)]
    [InlineData(10, 0)]
    [InlineData(10, 10)]
    public void A_point_on_a_shared_boundary_is_covered_by_both_areas(double lon, double lat)
    {
        var index = new AreaIndexBuilder().Build([new(1, Box(0, 0, 10, 10)), new(2, Box(10, 0, 20, 10))]);

        Assert.Equal([1, 2], Find(index, lon, lat));
    }

    [Fact]
    public void A_hole_is_not_covered_but_its_edge_is()
    {
        var shell = Factory.CreateLinearRing([new(0, 0), new(10, 0), new(10, 10), new(0, 10), new(0, 0)]);
        var hole = Factory.CreateLinearRing([new(4, 4), new(6, 4), new(6, 6), new(4, 6), new(4, 4)]);
        var index = new AreaIndexBuilder().Build([new(7, Factory.CreatePolygon(shell, [hole]))]);

        Assert.Empty(Find(index, 5, 5));
        Assert.Equal([7], Find(index, 4, 5));
        Assert.Equal([7], Find(index, 2, 2));
    }

    [Fact]
    public void Overlapping_layers_return_every_containing_area()
    {
        var state = Box(0, 0, 20, 20);
        var index = new AreaIndexBuilder().Build([new(1, Box(0, 0, 10, 10)), new(2, Box(10, 0, 20, 10)), new(100, state)]);

        Assert.Equal([1, 100], Find(index, 5, 5));
        Assert.Equal([100], Find(index, 5, 15));
    }

    [Theory]
    [InlineData(180, 55, new[] { 1 })]
    [InlineData(-180, 55, new[] { 2 })]
    [InlineData(179.999, 59.999, new[] { 1 })]
    [InlineData(0, 90, new[] { 3 })]
    [InlineData(-180, 90, new[] { 2, 3 })]
    [InlineData(0, -90, new int[0])]
    public void Points_on_the_antimeridian_and_at_the_poles_get_the_covering_areas(double lon, double lat, int[] expected)
    {
        // Areas on both sides of the antimeridian (as split boundary files store them) and a polar cap.
        var index = new AreaIndexBuilder().Build([new(1, Box(170, 50, 180, 60)), new(2, Box(-180, 50, -170, 90)), new(3, Box(-180, 80, 180, 90))]);

        Assert.Equal(expected, Find(index, lon, lat));
    }

    [Fact]
    public void Not_a_number_finds_nothing()
    {
        var index = new AreaIndexBuilder().Build([new(1, Box(0, 0, 10, 10))]);

        Assert.Empty(Find(index, double.NaN, 5));
        Assert.Empty(Find(index, 5, double.PositiveInfinity));
    }

    [Fact]
    public void Lines_points_and_empty_polygons_are_refused()
    {
        var builder = new AreaIndexBuilder();

        Assert.Throws<ArgumentException>(() => builder.Build([new(1, Factory.CreateLineString([new(0, 0), new(1, 1)]))]));
        Assert.Throws<ArgumentException>(() => builder.Build([new(1, Factory.CreatePoint(new Coordinate(0, 0)))]));
        Assert.Throws<ArgumentException>(() => builder.Build([new(1, Factory.CreatePolygon())]));
    }

    [Fact]
    public void A_span_too_short_gets_the_first_answers_and_the_count_of_all()
    {
        // Deep inside area 7 the node names the area itself; on the shared edge a leaf is read.
        var index = new AreaIndexBuilder().Build([new(7, Box(0, 0, 10, 10)), new(8, Box(10, 0, 20, 10))]);
        Span<int> none = [];
        Span<int> one = [0];

        Assert.Equal(1, index.FindCovering(2.5, 2.5, none));
        Assert.Equal(1, index.FindCovering(2.5, 2.5, one));
        Assert.Equal(7, one[0]);
        Assert.Equal(2, index.FindCovering(10, 5, one));
        Assert.True(one[0] is 7 or 8);
    }

    [Fact]
    public void An_empty_index_finds_nothing()
    {
        Assert.Empty(Find(new AreaIndexBuilder().Build([]), 0, 0));
    }

    [Fact]
    public void Lookups_allocate_nothing()
    {
        var index = new AreaIndexBuilder().Build([.. RandomShapes.Stars(new Random(3), 30)]);
        Span<int> found = stackalloc int[16];
        var random = new Random(4);
        index.FindCovering(1, 1, found);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var total = 0;
        for (var k = 0; k < 10_000; k++)
        {
            total += index.FindCovering(random.NextDouble() * 100, random.NextDouble() * 100, found);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(total > 0);
    }
}
