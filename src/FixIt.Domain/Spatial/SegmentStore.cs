using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace FixIt.Domain.Spatial;

/// <summary>
/// Every ring of every area as one run of vertices, x and y side by side in one flat array, each ring closed by a
/// copy of its first vertex. Edge (segment) <c>s</c> runs from vertex <c>s</c> to vertex <c>s + 1</c>; a ring's
/// closing vertex starts no edge. Consecutive repeated vertices are dropped (a zero-length edge changes no
/// crossing count). The index keeps <see cref="Vertices"/> as its only copy of the coordinates: leaves name runs
/// of consecutive edges in it.
/// </summary>
internal sealed class SegmentStore : IDisposable
{
    private readonly double[] _xy;
    private readonly ScratchList<int> _ring;
    private readonly ScratchList<int> _ringStarts = new();

    /// <summary>Room for <paramref name="vertexCapacity"/> vertices: at least all the areas' coordinates.</summary>
    public SegmentStore(int vertexCapacity)
    {
        _xy = GC.AllocateUninitializedArray<double>(2 * vertexCapacity);
        _ring = new ScratchList<int>(vertexCapacity);
        _ringStarts.Add(0);
    }

    /// <summary>Vertices stored; segment ids are below this.</summary>
    public int Count { get; private set; }

    /// <summary>Edges stored (vertices less one per ring).</summary>
    public int SegmentCount { get; private set; }

    public double X1(int s) => _xy[2 * s];

    public double Y1(int s) => _xy[2 * s + 1];

    public double X2(int s) => _xy[2 * s + 2];

    public double Y2(int s) => _xy[2 * s + 3];

    /// <summary>True when vertex <paramref name="s"/> starts an edge (it is not its ring's closing vertex).</summary>
    public bool IsSegment(int s) => s + 1 < Count && _ring[s] == _ring[s + 1];

    /// <summary>The edge after this one along its ring.</summary>
    public int Next(int s)
    {
        var end = _ringStarts[_ring[s] + 1];
        return s + 2 < end ? s + 1 : _ringStarts[_ring[s]];
    }

    /// <summary>The edge before this one along its ring.</summary>
    public int Prev(int s)
    {
        var start = _ringStarts[_ring[s]];
        return s > start ? s - 1 : _ringStarts[_ring[s] + 1] - 2;
    }

    public bool IsHorizontal(int s) => _xy[2 * s + 1] == _xy[2 * s + 3];

    public double MinX(int s) => Math.Min(_xy[2 * s], _xy[2 * s + 2]);

    public double MaxX(int s) => Math.Max(_xy[2 * s], _xy[2 * s + 2]);

    public double MinY(int s) => Math.Min(_xy[2 * s + 1], _xy[2 * s + 3]);

    public double MaxY(int s) => Math.Max(_xy[2 * s + 1], _xy[2 * s + 3]);

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
        var number = _ringStarts.Count - 1;
        for (var k = 0; k < ring.Count; k++)
        {
            double x = ring.GetX(k), y = ring.GetY(k);
            if (!(double.IsFinite(x) && double.IsFinite(y)))
            {
                throw new ArgumentException("An area has a coordinate that is not a finite number.");
            }

            if (Count > first && _xy[2 * Count - 2] == x && _xy[2 * Count - 1] == y)
            {
                continue;
            }

            _xy[2 * Count] = x;
            _xy[2 * Count + 1] = y;
            _ring.Add(number);
            Count++;
        }

        if (Count - first < 2)
        {
            // A ring of one repeated point has no edge at all.
            Count = first;
            _ring.Truncate(first);
            return;
        }

        SegmentCount += Count - first - 1;
        _ringStarts.Add(Count);
    }

    public (double MinX, double MinY, double MaxX, double MaxY) Bounds()
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (var v = 0; v < Count; v++)
        {
            minX = Math.Min(minX, _xy[2 * v]);
            minY = Math.Min(minY, _xy[2 * v + 1]);
            maxX = Math.Max(maxX, _xy[2 * v]);
            maxY = Math.Max(maxY, _xy[2 * v + 1]);
        }

        return (minX, minY, maxX, maxY);
    }

    /// <summary>The vertices, x and y side by side, exactly sized (the index's copy).</summary>
    public double[] Vertices() => _xy.Length == 2 * Count ? _xy : _xy[..(2 * Count)];

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

    public void Dispose()
    {
        _ring.Dispose();
        _ringStarts.Dispose();
    }
}
