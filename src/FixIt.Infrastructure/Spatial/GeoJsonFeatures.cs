using System.Text.Json;
using FixIt.Application.Routing;
using NetTopologySuite.Geometries;

namespace FixIt.Infrastructure.Spatial;

/// <summary>Polygon and MultiPolygon features of a GeoJSON FeatureCollection; anything else is named as a problem.</summary>
internal static class GeoJsonFeatures
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static List<SourceFeature> Read(JsonElement root, VertexBudget budget, CancellationToken cancellationToken)
    {
        if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            throw new ImportFileException("The FeatureCollection has no \"features\" array.");
        }

        var result = new List<SourceFeature>();
        var index = 0;
        foreach (var feature in features.EnumerateArray())
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(ReadFeature(index++, feature, budget));
        }

        return result;
    }

    private static SourceFeature ReadFeature(int index, JsonElement feature, VertexBudget budget)
    {
        if (feature.ValueKind != JsonValueKind.Object)
        {
            return new SourceFeature(index, null, new Dictionary<string, string>(), null, "is not a JSON object");
        }

        var properties = FeatureSource.Properties(feature);
        var id = FeatureSource.Id(feature);
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
        {
            return new SourceFeature(index, id, properties, null, "has no geometry");
        }

        try
        {
            var type = geometry.GetProperty("type").GetString();
            var coordinates = geometry.GetProperty("coordinates");
            budget.Take(index, type switch
            {
                "Polygon" => Positions(coordinates, 2),
                "MultiPolygon" => Positions(coordinates, 3),
                _ => 0,
            });
            Geometry? shape = type switch
            {
                "Polygon" => Polygon(coordinates),
                "MultiPolygon" => Factory.CreateMultiPolygon([.. coordinates.EnumerateArray().Select(Polygon)]),
                _ => null,
            };
            return shape is null
                ? new SourceFeature(index, id, properties, null, $"is a {type}, not a Polygon or MultiPolygon")
                : new SourceFeature(index, id, properties, shape, null);
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or ArgumentException or FormatException)
        {
            return new SourceFeature(index, id, properties, null, "has malformed coordinates");
        }
    }

    /// <summary>The positions <paramref name="depth"/> arrays down (2 for a Polygon's rings, 3 for a MultiPolygon's), counted before any is read.</summary>
    private static long Positions(JsonElement coordinates, int depth) =>
        coordinates.ValueKind != JsonValueKind.Array ? 0
            : depth == 1 ? coordinates.GetArrayLength()
            : coordinates.EnumerateArray().Sum(c => Positions(c, depth - 1));

    private static Polygon Polygon(JsonElement rings)
    {
        var linear = rings.EnumerateArray().Select(Ring).ToList();
        return linear.Count == 0 ? Factory.CreatePolygon() : Factory.CreatePolygon(linear[0], [.. linear.Skip(1)]);
    }

    private static LinearRing Ring(JsonElement positions)
    {
        var coordinates = positions.EnumerateArray()
            .Select(p => new Coordinate(p[0].GetDouble(), p[1].GetDouble()))
            .ToList();
        return RingBuilder.Close(Factory, coordinates);
    }
}

/// <summary>Closes rings that are not closed and pads degenerate ones, so the validity check can name them.</summary>
internal static class RingBuilder
{
    public static LinearRing Close(GeometryFactory factory, List<Coordinate> coordinates)
    {
        if (coordinates.Count > 0 && !coordinates[0].Equals2D(coordinates[^1]))
        {
            coordinates.Add(coordinates[0].Copy());
        }

        while (coordinates.Count is > 0 and < 4)
        {
            coordinates.Add(coordinates[0].Copy());
        }

        return factory.CreateLinearRing([.. coordinates]);
    }
}
