using FixIt.Domain.Spatial;
using NetTopologySuite.Geometries;

namespace FixIt.UnitTests.Spatial;

/// <summary>Concave star polygons with many vertices, scattered and overlapping over [0, 100]².</summary>
internal static class RandomShapes
{
    private static readonly GeometryFactory Factory = new();

    public static IEnumerable<IndexedArea> Stars(Random random, int count)
    {
        for (var id = 1; id <= count; id++)
        {
            double cx = 10 + random.NextDouble() * 80, cy = 10 + random.NextDouble() * 80, radius = 3 + random.NextDouble() * 12;
            var vertices = 8 + random.Next(60);
            var ring = new Coordinate[vertices + 1];
            for (var k = 0; k < vertices; k++)
            {
                var angle = 2 * Math.PI * k / vertices;
                var r = radius * (0.3 + 0.7 * random.NextDouble());
                // Rounded coordinates make vertices and edges line up with other shapes and with test points.
                ring[k] = new Coordinate(Math.Round(cx + r * Math.Cos(angle), 2), Math.Round(cy + r * Math.Sin(angle), 2));
            }

            ring[vertices] = ring[0].Copy();
            var polygon = Factory.CreatePolygon(ring);
            if (polygon.IsValid)
            {
                yield return new IndexedArea(id, polygon);
            }
        }
    }
}
