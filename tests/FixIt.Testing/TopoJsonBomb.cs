using System.Text;

namespace FixIt.IntegrationTests.Infrastructure;

/// <summary>
/// The outside tester's expansion bomb: one quantized zig-zag arc of <c>arcPoints</c> points that every one of <c>polygons</c>
/// polygons names, so a small file stands for polygons × arcPoints vertices once decoded.
/// </summary>
public static class TopoJsonBomb
{
    public static byte[] Build(int polygons, int arcPoints)
    {
        var json = new StringBuilder("{\"type\":\"Topology\",\"transform\":{\"scale\":[1e-6,1e-6],\"translate\":[-1,53]},\"objects\":{\"areas\":")
            .Append("{\"type\":\"GeometryCollection\",\"geometries\":[");
        for (var i = 0; i < polygons; i++)
        {
            json.Append(i == 0 ? "" : ",").Append("{\"type\":\"Polygon\",\"arcs\":[[0]],\"properties\":{\"name\":\"T").Append(i)
                .Append("\",\"code\":\"t").Append(i).Append("\"}}");
        }

        json.Append("]}},\"arcs\":[[[0,0]");
        for (var i = 0; i < arcPoints; i++)
        {
            json.Append(i % 2 == 1 ? ",[1,1]" : ",[-1,1]");
        }

        return Encoding.UTF8.GetBytes(json.Append("]]}").ToString());
    }
}
