using System.Text.Json;
using FixIt.Application.Routing;
using NetTopologySuite.Geometries;

namespace FixIt.Infrastructure.Spatial;

/// <summary>
/// The geometries of one object of a TopoJSON Topology, with shared arcs stitched back into rings (quantized
/// arcs are delta-decoded through the transform), as topojson-client's "feature" does.
/// </summary>
internal static class TopoJsonFeatures
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static List<SourceFeature> Read(JsonElement root, string? objectName, VertexBudget budget, CancellationToken cancellationToken)
    {
        if (!root.TryGetProperty("objects", out var objects) || objects.ValueKind != JsonValueKind.Object)
        {
            throw new ImportFileException("The Topology has no \"objects\".");
        }

        var names = objects.EnumerateObject().Select(o => o.Name).ToList();
        if (objectName is null && names.Count != 1)
        {
            throw new ImportFileException($"The Topology has several objects ({string.Join(", ", names)}); name one.");
        }

        objectName ??= names[0];
        if (!objects.TryGetProperty(objectName, out var collection))
        {
            throw new ImportFileException($"The Topology has no object \"{objectName}\" (it has {string.Join(", ", names)}).");
        }

        var geometries = collection.ValueKind == JsonValueKind.Object && collection.TryGetProperty("geometries", out var g)
            && g.ValueKind == JsonValueKind.Array
                ? g.EnumerateArray().ToList()
                : [collection];
        CountVertices(root, geometries, budget);
        var arcs = DecodeArcs(root);
        var result = new List<SourceFeature>(geometries.Count);
        for (var index = 0; index < geometries.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(ReadGeometry(index, geometries[index], arcs));
        }

        return result;
    }

    /// <summary>
    /// The vertices each polygon would have once its arcs are stitched (the lengths of the arcs it names, an upper bound),
    /// taken from the budget before any coordinate is built: many polygons naming one long arc would otherwise each copy it.
    /// </summary>
    private static void CountVertices(JsonElement root, List<JsonElement> geometries, VertexBudget budget)
    {
        if (!root.TryGetProperty("arcs", out var arcs) || arcs.ValueKind != JsonValueKind.Array)
        {
            throw new ImportFileException("The Topology has no \"arcs\" array.");
        }

        var lengths = arcs.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.Array ? a.GetArrayLength() : 0).ToArray();
        for (var index = 0; index < geometries.Count; index++)
        {
            var geometry = geometries[index];
            if (geometry.ValueKind == JsonValueKind.Object && geometry.TryGetProperty("type", out var type)
                && (type.ValueEquals("Polygon") || type.ValueEquals("MultiPolygon")) && geometry.TryGetProperty("arcs", out var references))
            {
                budget.Take(index, Vertices(references, lengths));
            }
        }
    }

    private static long Vertices(JsonElement references, int[] lengths) => references.ValueKind switch
    {
        JsonValueKind.Array => references.EnumerateArray().Sum(r => Vertices(r, lengths)),
        JsonValueKind.Number when references.TryGetInt32(out var i) && (i >= 0 ? i : ~i) < lengths.Length => lengths[i >= 0 ? i : ~i],
        _ => 0,
    };

    private static SourceFeature ReadGeometry(int index, JsonElement geometry, List<Coordinate[]> arcs)
    {
        var properties = FeatureSource.Properties(geometry);
        var id = FeatureSource.Id(geometry);
        var type = geometry.TryGetProperty("type", out var t) ? t.GetString() : null;
        try
        {
            Geometry? shape = type switch
            {
                "Polygon" => Polygon(geometry.GetProperty("arcs"), arcs),
                "MultiPolygon" => Factory.CreateMultiPolygon([.. geometry.GetProperty("arcs").EnumerateArray().Select(p => Polygon(p, arcs))]),
                _ => null,
            };
            return shape is null
                ? new SourceFeature(index, id, properties, null, type is null ? "has no geometry" : $"is a {type}, not a Polygon or MultiPolygon")
                : new SourceFeature(index, id, properties, shape, null);
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or ArgumentException or IndexOutOfRangeException)
        {
            return new SourceFeature(index, id, properties, null, "has malformed or missing arcs");
        }
    }

    private static Polygon Polygon(JsonElement rings, List<Coordinate[]> arcs)
    {
        var linear = rings.EnumerateArray().Select(r => Ring(r, arcs)).ToList();
        return linear.Count == 0 ? Factory.CreatePolygon() : Factory.CreatePolygon(linear[0], [.. linear.Skip(1)]);
    }

    private static LinearRing Ring(JsonElement arcIndexes, List<Coordinate[]> arcs)
    {
        var coordinates = new List<Coordinate>();
        foreach (var a in arcIndexes.EnumerateArray())
        {
            var i = a.GetInt32();
            var arc = i >= 0 ? arcs[i] : [.. arcs[~i].Reverse()];
            // Consecutive arcs share their joining point; keep it once.
            coordinates.AddRange(coordinates.Count == 0 ? arc : arc.Skip(1));
        }

        return RingBuilder.Close(Factory, [.. coordinates.Select(c => c.Copy())]);
    }

    private static List<Coordinate[]> DecodeArcs(JsonElement root)
    {
        if (!root.TryGetProperty("arcs", out var arcs) || arcs.ValueKind != JsonValueKind.Array)
        {
            throw new ImportFileException("The Topology has no \"arcs\" array.");
        }

        double sx = 1, sy = 1, tx = 0, ty = 0;
        var quantized = root.TryGetProperty("transform", out var transform);
        if (quantized)
        {
            sx = transform.GetProperty("scale")[0].GetDouble();
            sy = transform.GetProperty("scale")[1].GetDouble();
            tx = transform.GetProperty("translate")[0].GetDouble();
            ty = transform.GetProperty("translate")[1].GetDouble();
        }

        var result = new List<Coordinate[]>(arcs.GetArrayLength());
        foreach (var arc in arcs.EnumerateArray())
        {
            double x = 0, y = 0;
            var points = new List<Coordinate>(arc.GetArrayLength());
            foreach (var position in arc.EnumerateArray())
            {
                double px = position[0].GetDouble(), py = position[1].GetDouble();
                (x, y) = quantized ? (x + px, y + py) : (px, py);
                points.Add(quantized ? new Coordinate(x * sx + tx, y * sy + ty) : new Coordinate(x, y));
            }

            result.Add([.. points]);
        }

        return result;
    }
}
