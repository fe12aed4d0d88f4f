using System.Text.Json;
using NetTopologySuite.Geometries;

namespace FixIt.Benchmarks;

/// <summary>
/// <c>export-densified FILE</c>: the heavy set (the counties densified as <see cref="BenchmarkData.DensifiedCounties"/>)
/// as a GeoJSON FeatureCollection (<c>name</c> and <c>code</c> properties), for importing into a running app with
/// <c>import-areas</c> and measuring it while it rebuilds its routing index (docs/benchmarks.md).
/// </summary>
internal static class Export
{
    public static int Run(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: export-densified FILE");
            return 2;
        }

        using var stream = File.Create(args[0]);
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        foreach (var area in BenchmarkData.DensifiedCounties())
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("properties");
            json.WriteString("name", $"county {area.Id}");
            json.WriteString("code", area.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteStartObject("geometry");
            json.WriteString("type", "MultiPolygon");
            json.WriteStartArray("coordinates");
            for (var g = 0; g < area.Geometry.NumGeometries; g++)
            {
                var polygon = (Polygon)area.Geometry.GetGeometryN(g);
                json.WriteStartArray();
                foreach (var ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
                {
                    json.WriteStartArray();
                    foreach (var c in ring.Coordinates)
                    {
                        json.WriteStartArray();
                        json.WriteNumberValue(c.X);
                        json.WriteNumberValue(c.Y);
                        json.WriteEndArray();
                    }

                    json.WriteEndArray();
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        return 0;
    }
}
