namespace FixIt.Domain.Spatial;

/// <summary>
/// One area's edges bucketed by horizontal stripes, for exact crossing counts at arbitrary points while building:
/// only edges overlapping the point's stripe can straddle its y. Filled by counting (two passes), so an area
/// costs two int arrays and no list per stripe.
/// </summary>
internal sealed class AreaStripes
{
    private readonly SegmentStore _segments;
    private readonly double _y0, _height;
    private readonly int _count;
    private readonly int[] _starts;
    private readonly int[] _edges;

    /// <summary>The area's edges are the segments among vertices <paramref name="start"/> to <paramref name="end"/> (exclusive).</summary>
    public AreaStripes(SegmentStore segments, int start, int end)
    {
        _segments = segments;
        double minY = double.MaxValue, maxY = double.MinValue;
        var edgeCount = 0;
        for (var s = start; s < end; s++)
        {
            if (segments.IsSegment(s))
            {
                minY = Math.Min(minY, segments.MinY(s));
                maxY = Math.Max(maxY, segments.MaxY(s));
                edgeCount++;
            }
        }

        var count = Math.Max(1, edgeCount / 2);
        _count = count;
        _y0 = edgeCount == 0 ? 0 : minY;
        _height = Math.Max(maxY - minY, 1e-12) / count;
        var eps = _height * 1e-6;
        _starts = new int[count + 1];
        for (var s = start; s < end; s++)
        {
            if (segments.IsSegment(s))
            {
                for (var k = Stripe(segments.MinY(s) - eps); k <= Stripe(segments.MaxY(s) + eps); k++)
                {
                    _starts[k + 1]++;
                }
            }
        }

        for (var k = 0; k < count; k++)
        {
            _starts[k + 1] += _starts[k];
        }

        _edges = new int[_starts[count]];
        Span<int> fill = count <= 1024 ? stackalloc int[count] : new int[count];
        _starts.AsSpan(0, count).CopyTo(fill);
        for (var s = start; s < end; s++)
        {
            if (segments.IsSegment(s))
            {
                for (var k = Stripe(segments.MinY(s) - eps); k <= Stripe(segments.MaxY(s) + eps); k++)
                {
                    _edges[fill[k]++] = s;
                }
            }
        }
    }

    public int Crossings(double px, double py)
    {
        var k = Stripe(py);
        return _segments.Crossings(_edges.AsSpan(_starts[k], _starts[k + 1] - _starts[k]), px, py);
    }

    private int Stripe(double y) => Math.Clamp((int)Math.Floor((y - _y0) / _height), 0, _count - 1);
}
