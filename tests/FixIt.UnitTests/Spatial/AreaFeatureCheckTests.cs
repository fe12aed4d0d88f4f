using FixIt.Application.Features.Admin.Areas.ImportAreas;
using FixIt.Application.Routing;
using NetTopologySuite.Geometries;

namespace FixIt.UnitTests.Spatial;

public sealed class AreaFeatureCheckTests
{
    private static readonly GeometryFactory Factory = new();

    private static SourceFeature Feature(int index, string code, Geometry? geometry, string? problem = null) =>
        new(index, code, new Dictionary<string, string> { ["name"] = $"Area {code}" }, geometry, problem);

    private static Polygon Ring(params (double X, double Y)[] points) =>
        Factory.CreatePolygon([.. points.Select(p => new Coordinate(p.X, p.Y))]);

    [Fact]
    public void Good_features_pass_with_their_name_and_code()
    {
        var (areas, errors) = AreaFeatureCheck.Check([Feature(0, "a", AreaIndexTests.Box(0, 0, 1, 1))], "name", "id");

        Assert.Empty(errors);
        Assert.Equal(("a", "Area a", null), (areas[0].Code, areas[0].Name, areas[0].Repair));
    }

    [Fact]
    public void A_self_intersecting_polygon_is_repaired_and_the_repair_named()
    {
        var bowtie = Ring((0, 0), (2, 2), (2, 0), (0, 2), (0, 0));

        var (areas, errors) = AreaFeatureCheck.Check([Feature(4, "bow", bowtie)], "name", "id");

        Assert.Empty(errors);
        Assert.True(areas[0].Geometry.IsValid);
        Assert.Equal(2, areas[0].Geometry.Area, 9);
        Assert.StartsWith("Feature 4 (bow) was repaired: Self-intersection", areas[0].Repair, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_are_named_with_the_feature_index()
    {
        var sliver = Ring((0, 0), (1, 1), (2, 2), (0, 0));
        SourceFeature[] features =
        [
            Feature(0, "ok", AreaIndexTests.Box(0, 0, 1, 1)),
            Feature(1, "ok", AreaIndexTests.Box(2, 2, 3, 3)),
            Feature(2, "pt", null, "is a Point, not a Polygon or MultiPolygon"),
            Feature(3, "far", AreaIndexTests.Box(179, 0, 181, 1)),
            Feature(4, "pole", AreaIndexTests.Box(0, 89, 1, 91)),
            Feature(5, "empty", Factory.CreatePolygon()),
            Feature(6, "flat", sliver),
            new(7, null, new Dictionary<string, string>(), AreaIndexTests.Box(5, 5, 6, 6), null),
        ];

        var (areas, errors) = AreaFeatureCheck.Check(features, "name", "id");

        Assert.Single(areas);
        Assert.Equal(
            [
                "Feature 1 has code 'ok', already used by feature 0.",
                "Feature 2 is a Point, not a Polygon or MultiPolygon.",
                "Feature 3 has a coordinate out of range (181, 0): longitude must be -180..180 and latitude -90..90.",
                "Feature 4 has a coordinate out of range (1, 91): longitude must be -180..180 and latitude -90..90.",
                "Feature 5 is empty.",
                "Feature 6 (flat) has no area left once repaired.",
                "Feature 7 has no 'id' property for its code.",
            ],
            errors.Select(e => e.ErrorMessage));
        Assert.Equal(["features[1]", "features[2]", "features[3]", "features[4]", "features[5]", "features[6]", "features[7]"], errors.Select(e => e.PropertyName));
    }
}
