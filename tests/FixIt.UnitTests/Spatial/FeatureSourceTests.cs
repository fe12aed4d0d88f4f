using System.Text;
using FixIt.Application.Routing;
using FixIt.Infrastructure.Spatial;
using FixIt.IntegrationTests.Infrastructure;
using NetTopologySuite.Geometries;

namespace FixIt.UnitTests.Spatial;

public sealed class FeatureSourceTests
{
    private static Task<IReadOnlyList<SourceFeature>> ReadAsync(string json, long limit = 1_000_000, string? topoObject = null) =>
        ReadAsync(Encoding.UTF8.GetBytes(json), new FeatureFileLimits(limit), topoObject);

    private static Task<IReadOnlyList<SourceFeature>> ReadAsync(byte[] file, FeatureFileLimits limits, string? topoObject = null) =>
        FeatureSource.ReadAsync(new MemoryStream(file), limits, topoObject, CancellationToken.None);

    /// <summary>Two unit squares sharing arc 1 (walked backwards by the second), quantized: scale 0.5, translate 10,20.</summary>
    private const string QuantizedTopology = """
        {"type":"Topology","transform":{"scale":[0.5,0.5],"translate":[10,20]},
         "objects":{"zones":{"type":"GeometryCollection","geometries":[
           {"type":"Polygon","id":"W","properties":{"name":"West"},"arcs":[[0,1]]},
           {"type":"Polygon","id":"E","properties":{"name":"East"},"arcs":[[2,-2]]}]}},
         "arcs":[[[2,2],[-2,0],[0,2],[2,0]],[[2,4],[0,-2]],[[2,2],[2,0],[0,2],[-2,0]]]}
        """;

    [Fact]
    public async Task Quantized_TopoJSON_arcs_are_decoded_and_stitched_into_closed_rings()
    {
        var features = await ReadAsync(QuantizedTopology);

        Assert.Equal(["W", "E"], features.Select(f => f.Id));
        var west = (Polygon)features[0].Geometry!;
        var east = (Polygon)features[1].Geometry!;
        Assert.Equal(new Envelope(10, 11, 21, 22), west.EnvelopeInternal);
        Assert.Equal(new Envelope(11, 12, 21, 22), east.EnvelopeInternal);
        Assert.True(west.IsValid && east.IsValid);
        Assert.Equal(1, west.Area, 9);
        Assert.Equal(1, west.Intersection(east).Length, 9);
        Assert.Equal("West", features[0].Properties["name"]);
    }

    [Fact]
    public async Task A_topology_with_several_objects_needs_one_named()
    {
        var topology = QuantizedTopology.Replace("\"objects\":{", "\"objects\":{\"other\":{\"type\":\"GeometryCollection\",\"geometries\":[]},", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<ImportFileException>(() => ReadAsync(topology));
        var named = await ReadAsync(topology, topoObject: "zones");

        Assert.Contains("several objects (other, zones)", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, named.Count);
    }

    [Fact]
    public async Task Points_and_lines_are_kept_as_problems_with_their_index()
    {
        const string json = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"name":"P"},"geometry":{"type":"Point","coordinates":[1,2]}},
              {"type":"Feature","properties":{"name":"L"},"geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]}},
              {"type":"Feature","properties":{"name":"N"},"geometry":null}]}
            """;

        var features = await ReadAsync(json);

        Assert.Equal([0, 1, 2], features.Select(f => f.Index));
        Assert.Equal("is a Point, not a Polygon or MultiPolygon", features[0].Problem);
        Assert.Equal("is a LineString, not a Polygon or MultiPolygon", features[1].Problem);
        Assert.Equal("has no geometry", features[2].Problem);
    }

    [Fact]
    public async Task A_truncated_file_is_refused_with_its_line()
    {
        var error = await Assert.ThrowsAsync<ImportFileException>(() => ReadAsync("{\"type\":\"FeatureCollection\",\n\"features\":[{\"type\":\"Fea"));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.False(error.TooLarge);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_before_it_is_read_whole()
    {
        var json = "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(',', Enumerable.Repeat("{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}", 1000)) + "]}";

        var error = await Assert.ThrowsAsync<ImportFileException>(() => ReadAsync(json, limit: 4096));

        Assert.True(error.TooLarge);
    }

    [Fact]
    public async Task Polygons_sharing_one_long_arc_are_refused_by_their_total_vertices_before_any_arc_is_decoded()
    {
        // Positions that are not numbers would fail the decoding: the refusal comes from counting the arc's length first.
        var bomb = Encoding.UTF8.GetString(TopoJsonBomb.Build(20, 99)).Replace("[1,1]", "[\"x\",\"y\"]", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<ImportFileException>(() => ReadAsync(Encoding.UTF8.GetBytes(bomb), new FeatureFileLimits(1_000_000, 1_000, 500)));
        var allowed = await ReadAsync(TopoJsonBomb.Build(10, 99), new FeatureFileLimits(1_000_000, 1_000, 500));

        Assert.True(error.TooLarge);
        Assert.Equal("The file has more than the limit of 1,000 vertices (features 0 to 10 alone have 1,100).", error.Message);
        Assert.Equal(10, allowed.Count);
        Assert.All(allowed, f => Assert.Null(f.Problem));
    }

    [Fact]
    public async Task A_feature_over_its_own_vertex_limit_is_named()
    {
        var topology = await Assert.ThrowsAsync<ImportFileException>(() => ReadAsync(TopoJsonBomb.Build(2, 600), new FeatureFileLimits(1_000_000, 10_000, 500)));
        var ring = string.Join(',', Enumerable.Range(0, 600).Select(i => FormattableString.Invariant($"[{i * 0.001},{i % 2}]")));
        var geoJson = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[[" + ring + "]]]}}]}";
        var feature = await Assert.ThrowsAsync<ImportFileException>(() => ReadAsync(Encoding.UTF8.GetBytes(geoJson), new FeatureFileLimits(1_000_000, 10_000, 500)));

        Assert.Equal("Feature 0 has 601 vertices, more than the limit of 500 for one feature.", topology.Message);
        Assert.Equal("Feature 0 has 600 vertices, more than the limit of 500 for one feature.", feature.Message);
        Assert.True(topology.TooLarge && feature.TooLarge);
    }

    [Fact]
    public async Task The_outside_testers_bomb_of_5000_polygons_on_one_200000_point_arc_is_refused_with_the_default_limits()
    {
        var bomb = TopoJsonBomb.Build(5_000, 200_000);

        var error = await Assert.ThrowsAsync<ImportFileException>(() => ReadAsync(bomb, new FeatureFileLimits(30L * 1024 * 1024)));

        Assert.True(error.TooLarge);
        Assert.Equal("The file has more than the limit of 5,000,000 vertices (features 0 to 24 alone have 5,000,025).", error.Message);
    }

    [Fact]
    public async Task Brackets_nested_past_the_depth_limit_are_named_as_too_deep_not_truncated()
    {
        var nested = new string('[', 200_000) + new string(']', 200_000);

        var error = await Assert.ThrowsAsync<ImportFileException>(() => ReadAsync(nested));

        Assert.StartsWith("The file is nested too deeply (line 1): more than 64 levels of brackets", error.Message, StringComparison.Ordinal);
        Assert.False(error.TooLarge);
    }
}
