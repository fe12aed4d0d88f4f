using System.Text.Json;
using FixIt.Application.Features.Operators.GetOperatorFigures;
using FixIt.Domain.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.Simplify;

namespace FixIt.Web.Features.Operators;

/// <summary>An operator's areas as a GeoJSON FeatureCollection, simplified for drawing (not for routing).</summary>
internal static class AreasGeoJson
{
    /// <summary>About 50 m: invisible at city zoom, and it keeps a council's boundary to a few kilobytes.</summary>
    private const double Tolerance = 0.0005;

    public static byte[] Write(IReadOnlyList<OperatorArea> areas)
    {
        var reader = new WKBReader();
        var geometries = areas.Select(a => reader.Read(a.GeometryWkb)).ToList();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            if (geometries.Count > 0)
            {
                // RFC 7946's bbox: west > east when the areas lie across the 180° meridian, so a map can open on them.
                var box = GeoBox.Covering(geometries.SelectMany(g => g.Coordinates));
                json.WriteStartArray("bbox");
                foreach (var n in new[] { box.West, box.South, box.East, box.North })
                {
                    json.WriteNumberValue(Math.Round(n, 6));
                }

                json.WriteEndArray();
            }

            json.WriteStartArray("features");
            foreach (var (area, geometry) in areas.Zip(geometries))
            {
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteNumber("id", area.Id);
                json.WritePropertyName("geometry");
                WriteGeometry(json, TopologyPreservingSimplifier.Simplify(geometry, Tolerance));
                json.WriteStartObject("properties");
                json.WriteString("name", area.Name);
                json.WriteString("kind", area.Kind);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteGeometry(Utf8JsonWriter json, Geometry geometry)
    {
        json.WriteStartObject();
        switch (geometry)
        {
            case Polygon polygon:
                json.WriteString("type", "Polygon");
                json.WritePropertyName("coordinates");
                WritePolygon(json, polygon);
                break;
            case MultiPolygon multi:
                json.WriteString("type", "MultiPolygon");
                json.WriteStartArray("coordinates");
                foreach (var polygon in multi.Geometries.OfType<Polygon>())
                {
                    WritePolygon(json, polygon);
                }

                json.WriteEndArray();
                break;
            default:
                // Areas are polygons by import; anything else is drawn as its outline's box rather than dropped.
                json.WriteString("type", "Polygon");
                json.WritePropertyName("coordinates");
                WritePolygon(json, (Polygon)geometry.Envelope);
                break;
        }

        json.WriteEndObject();
    }

    private static void WritePolygon(Utf8JsonWriter json, Polygon polygon)
    {
        json.WriteStartArray();
        foreach (var ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
        {
            json.WriteStartArray();
            foreach (var c in ring.Coordinates)
            {
                json.WriteStartArray();
                json.WriteNumberValue(Math.Round(c.X, 6));
                json.WriteNumberValue(Math.Round(c.Y, 6));
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
    }
}
