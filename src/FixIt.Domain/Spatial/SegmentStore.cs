using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace FixIt.Domain.Spatial;

/// <summary>Every ring edge of every area, as x1, y1, x2, y2 in one flat array.</summary>
internal sealed class SegmentStore
{
    private double[] _data = new double[1024];
    private int[] _next = new int[256];
    private int[] _prev = new int[256];

    public int Count { get; private set; }

    public double X1(int s) => _data[4 * s];

    public double Y1(int s) => _data[4 * s + 1];

    public double X2(int s) => _data[4 * s + 2];

    public double Y2(int s) => _data[4 * s + 3];

    /// <summary>The edge after this one along its ring.</summary>
    public int Next(int s) => _next[s];

    /// <summary>The edge before this one along its ring.</summary>
    public int Prev(int s) => _prev[s];

    public bool IsHorizontal(int s) => _data[4 * s + 1] == _data[4 * s + 3];

    public double MinX(int s) => Math.Min(_data[4 * s], _data[4 * s + 2]);

    public double MaxX(int s) => Math.Max(_data[4 * s], _data[4 * s + 2]);

    public double MinY(int s) => Math.Min(_data[4 * s + 1], _data[4 * s + 3]);

    public double MaxY(int s) => Math.Max(_data[4 * s + 1], _data[4 * s + 3]);

    public void AddRings(Geometry geometry)
    {
        for (var g = 0; g < geometry.NumGeometries; g++)
        {
            var polygon = (Polygon)geometry.GetGeometryN(g);
            AddRing(polygon.ExteriorRing.CoordinateSequence);
            foreach (var hole in polygon.InteriorRings)
            {
                AddRing(hole.CoordinateSequence);
            }
        }
    }

    private void AddRing(CoordinateSequence ring)
    {
        var first = Count;
        for (var k = 0; k + 1 < ring.Count; k++)
        {
            double x1 = ring.GetX(k), y1 = ring.GetY(k), x2 = ring.GetX(k + 1), y2 = ring.GetY(k + 1);
            if (!(double.IsFinite(x1) && double.IsFinite(y1) && double.IsFinite(x2) && double.IsFinite(y2)))
            {
                throw new ArgumentException("An area has a coordinate that is not a finite number.");
            }

            // A zero-length edge changes no crossing count; its vertex is also the end of a real edge.
            if (x1 == x2 && y1 == y2)
            {
                continue;
            }

            if (4 * Count + 4 > _data.Length)
            {
                Array.Resize(ref _data, _data.Length * 2);
                Array.Resize(ref _next, _data.Length / 4);
                Array.Resize(ref _prev, _data.Length / 4);
            }

            _next[Count] = Count + 1;
            _prev[Count] = Count - 1;

            _data[4 * Count] = x1;
            _data[4 * Count + 1] = y1;
            _data[4 * Count + 2] = x2;
            _data[4 * Count + 3] = y2;
            Count++;
        }

        if (Count > first)
        {
            _next[Count - 1] = first;
            _prev[first] = Count - 1;
        }
    }

    public (double MinX, double MinY, double MaxX, double MaxY) Bounds()
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (var s = 0; s < Count; s++)
        {
            minX = Math.Min(minX, MinX(s));
            minY = Math.Min(minY, MinY(s));
            maxX = Math.Max(maxX, MaxX(s));
            maxY = Math.Max(maxY, MaxY(s));
        }

        return (minX, minY, maxX, maxY);
    }

    public double[] ToArray() => _data[..(4 * Count)];

    /// <summary>
    /// Conservative: true whenever the segment may touch the (already widened) rectangle. A false "touches" only
    /// costs a finer leaf; a false "misses" would be a wrong answer, so the tolerance leans to touching.
    /// </summary>
    public bool Touches(int s, in Rect r)
    {
        double ax = X1(s), ay = Y1(s), bx = X2(s), by = Y2(s);
        if (Math.Max(ax, bx) < r.X0 || Math.Min(ax, bx) > r.X1 || Math.Max(ay, by) < r.Y0 || Math.Min(ay, by) > r.Y1)
        {
            return false;
        }

        double dx = bx - ax, dy = by - ay;
        double d1 = dx * (r.Y0 - ay) - dy * (r.X0 - ax), d2 = dx * (r.Y0 - ay) - dy * (r.X1 - ax);
        double d3 = dx * (r.Y1 - ay) - dy * (r.X0 - ax), d4 = dx * (r.Y1 - ay) - dy * (r.X1 - ax);
        var tolerance = 1e-12 * (Math.Abs(dx) + Math.Abs(dy)) *
            (Math.Abs(r.X0 - ax) + Math.Abs(r.X1 - ax) + Math.Abs(r.Y0 - ay) + Math.Abs(r.Y1 - ay));
        var allAbove = d1 > tolerance && d2 > tolerance && d3 > tolerance && d4 > tolerance;
        var allBelow = d1 < -tolerance && d2 < -tolerance && d3 < -tolerance && d4 < -tolerance;
        return !(allAbove || allBelow);
    }

    /// <summary>
    /// How many of the edges a rightward ray from the point crosses, by NetTopologySuite's rule (half-open in y,
    /// orientation decided exactly); a point on an edge is not treated specially, callers know it is off them.
    /// </summary>
    public int Crossings(ReadOnlySpan<int> edges, double px, double py)
    {
        var crossings = 0;
        foreach (var s in edges)
        {
            double x1 = X1(s), y1 = Y1(s), x2 = X2(s), y2 = Y2(s);
            if ((y1 > py && y2 <= py) || (y2 > py && y1 <= py))
            {
                var orientation = CGAlgorithmsDD.OrientationIndex(x1, y1, x2, y2, px, py);
                if ((y2 < y1 ? -orientation : orientation) > 0)
                {
                    crossings++;
                }
            }
        }

        return crossings;
    }
}
