using FixIt.Application.Features.Reports.NearbyReports;
using FixIt.Application.Features.Reports.SearchReports;
using FixIt.Domain.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace FixIt.UnitTests.Spatial;

public sealed class GeoBoxTests
{
    private static readonly WKTReader Wkt = new();

    [Theory]
    [InlineData(170, true)]
    [InlineData(179.99, true)]
    [InlineData(180, true)]
    [InlineData(-180, true)]
    [InlineData(-170, true)]
    [InlineData(-169.99, false)]
    [InlineData(0, false)]
    [InlineData(169.99, false)]
    public void A_box_across_the_180th_meridian_holds_both_halves_and_nothing_between(double lon, bool inside)
    {
        var box = new GeoBox(170, 50, -170, 55);

        Assert.True(box.CrossesAntimeridian);
        Assert.Equal(20, box.Width, 9);
        Assert.Equal(inside, box.Contains(lon, 52));
        Assert.False(box.Contains(lon, 56));
    }

    [Theory]
    [InlineData(179, 180, -180, true)]
    [InlineData(-180, -179, 180, true)]
    [InlineData(179, 180, 179.5, true)]
    [InlineData(179, 179.9, -180, false)]
    [InlineData(10, 20, 180, false)]
    public void The_meridians_180_and_minus_180_are_one(double west, double east, double lon, bool inside) =>
        Assert.Equal(inside, new GeoBox(west, -10, east, 10).Contains(lon, 0));

    [Theory]
    [InlineData(-180, 180, 360)]
    [InlineData(10, 10, 0)]
    [InlineData(180, -180, 0)]
    [InlineData(-10, 10, 20)]
    public void Width_counts_degrees_round_the_circle(double west, double east, double width)
    {
        var box = new GeoBox(west, 0, east, 1);

        Assert.Equal(width, box.Width, 9);
        Assert.Equal(width >= 360, box.SpansAllLongitudes);
    }

    [Theory]
    [InlineData(190, -170)]
    [InlineData(540, -180)]
    [InlineData(-181, 179)]
    [InlineData(-190, 170)]
    [InlineData(180, 180)]
    [InlineData(-180, -180)]
    [InlineData(12.5, 12.5)]
    public void Longitudes_are_wrapped_into_range_and_in_range_ones_kept(double lon, double wrapped) =>
        Assert.Equal(wrapped, GeoBox.WrapLongitude(lon), 9);

    [Fact]
    public void An_area_with_pieces_either_side_of_the_line_gets_the_box_across_it()
    {
        // Aleutians West in miniature: an island at 172..173 E, one at 179.5..180, one at -180..-179.14.
        var area = Wkt.Read("MULTIPOLYGON(((172 52, 173 52, 173 53, 172 53, 172 52)), ((179.5 51, 180 51, 180 52, 179.5 52, 179.5 51)),"
            + " ((-180 51, -179.14 51, -179.14 52, -180 52, -180 51)))");

        var box = GeoBox.Covering(area);

        Assert.Equal(new GeoBox(172, 51, -179.14, 53), box);
        Assert.True(box.CrossesAntimeridian);
        Assert.Equal(360, area.EnvelopeInternal.Width, 9);
    }

    [Fact]
    public void An_area_across_the_line_without_a_vertex_on_it_gets_the_box_across_it()
    {
        var area = Wkt.Read("MULTIPOLYGON(((179.2 -17, 179.9 -17, 179.9 -16, 179.2 -16, 179.2 -17)), ((-179.9 -17, -179.5 -17, -179.5 -16, -179.9 -16, -179.9 -17)))");

        Assert.Equal(new GeoBox(179.2, -17, -179.5, -16), GeoBox.Covering(area));
    }

    [Theory]
    [InlineData("POLYGON((-1.6 53.7, -1.4 53.7, -1.4 53.9, -1.6 53.9, -1.6 53.7))", -1.6, -1.4)]
    [InlineData("POLYGON((170 0, 180 0, 180 1, 170 1, 170 0))", 170, 180)]
    [InlineData("POLYGON((-180 0, -170 0, -170 1, -180 1, -180 0))", -180, -170)]
    [InlineData("POLYGON((-180 -90, 180 -90, 180 -60, -180 -60, -180 -90))", -180, 180)]
    [InlineData("MULTIPOLYGON(((-100 0, -90 0, -90 1, -100 1, -100 0)), ((70 0, 80 0, 80 1, 70 1, 70 0)))", -100, 80)]
    public void Areas_that_do_not_cross_the_line_keep_their_plain_box(string wkt, double west, double east)
    {
        var box = GeoBox.Covering(Wkt.Read(wkt));

        Assert.Equal((west, east), (box.West, box.East));
        Assert.False(box.CrossesAntimeridian);
    }

    [Fact]
    public void Pieces_far_apart_get_whichever_box_is_narrower()
    {
        // 90..100 E and 100..90 W: 180 degrees across the 180° line, 200 the other way.
        var box = GeoBox.Covering(Wkt.Read("MULTIPOLYGON(((-100 0, -90 0, -90 1, -100 1, -100 0)), ((90 0, 100 0, 100 1, 90 1, 90 0)))"));

        Assert.Equal(new GeoBox(90, 0, -90, 1), box);
    }

    [Fact]
    public void A_box_needs_a_coordinate() =>
        Assert.Throws<ArgumentException>(() => GeoBox.Covering(Array.Empty<Coordinate>()));

    [Theory]
    [InlineData(52, 179.999, true)]
    [InlineData(52, -180, true)]
    [InlineData(52, 180, true)]
    [InlineData(52, 10, false)]
    public void The_circle_round_a_point_by_the_line_is_a_box_across_it(double lat, double lon, bool crosses)
    {
        var box = NearbyReportsHandler.Around(lat, lon, 250);

        Assert.Equal(crosses, box.CrossesAntimeridian);
        Assert.True(box.Contains(lon, lat));
        Assert.True(box.Width < 1);
    }

    [Theory]
    [InlineData(90, 0)]
    [InlineData(-90, 123)]
    [InlineData(89.999, -180)]
    public void The_circle_round_a_point_at_or_by_a_pole_spans_every_longitude(double lat, double lon)
    {
        var box = NearbyReportsHandler.Around(lat, lon, 250);

        Assert.True(box.SpansAllLongitudes);
        Assert.True(box.Contains(lon + 90 > 180 ? lon - 90 : lon + 90, lat));
    }

    [Theory]
    [InlineData(170, 50, -170, 55, true)]
    [InlineData(-180, -90, 180, 90, true)]
    [InlineData(-1.6, 53.7, -1.4, 53.9, true)]
    [InlineData(10, 50, 10, 51, false)]
    [InlineData(180, 50, -180, 51, false)]
    [InlineData(10, 52, 11, 51, false)]
    [InlineData(-181, 50, 10, 51, false)]
    [InlineData(10, 50, 180.5, 51, false)]
    [InlineData(10, -91, 11, 51, false)]
    [InlineData(10, 50, 11, double.NaN, false)]
    public void The_search_box_is_checked_number_by_number(double west, double south, double east, double north, bool valid)
    {
        var result = new SearchReportsValidator().Validate(new SearchReportsQuery(new BoundingBox(west, south, east, north), null, null, null, null, null));

        Assert.Equal(valid, result.IsValid);
        Assert.All(result.Errors, e => Assert.Equal("bbox", e.PropertyName));
    }
}
