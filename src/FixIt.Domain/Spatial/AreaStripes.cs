namespace FixIt.Domain.Spatial;

/// <summary>
/// One area's edges bucketed by horizontal stripes, for exact crossing counts at arbitrary points while building:
/// only edges overlapping the point's stripe can straddle its y.
/// </summary>
internal sealed class AreaStripes
{
    private readonly SegmentStore _segments;
    private readonly double _y0, _height;
    private readonly int _count;
    private readonly int[] _starts;
    private readonly int[] _edges;

    public AreaStripes(SegmentStore segments, int start, int end)
    {
        _segments = segments;
        double minY = double.MaxValue, maxY = double.MinValue;
        for (var s = start; s < end; s++)
        {
            minY = Math.Min(minY, segments.MinY(s));
            maxY = Math.Max(maxY, segments.MaxY(s));
        }

        var count = Math.Max(1, (end - start) / 2);
        _count = count;
        _y0 = minY;
        _height = Math.Max(maxY - minY, 1e-12) / count;
        var eps = _height * 1e-6;
        var buckets = new List<int>[count];
        for (var s = start; s < end; s++)
        {
            for (var k = Stripe(segments.MinY(s) - eps); k <= Stripe(segments.MaxY(s) + eps); k++)
            {
                (buckets[k] ??= []).Add(s);
            }
        }

        _starts = new int[count + 1];
        var all = new List<int>();
        for (var k = 0; k < count; k++)
        {
            _starts[k] = all.Count;
            all.AddRange(buckets[k] ?? []);
        }

        _starts[count] = all.Count;
        _edges = [.. all];
    }

    public int Crossings(double px, double py)
    {
        var k = Stripe(py);
        return _segments.Crossings(_edges.AsSpan(_starts[k], _starts[k + 1] - _starts[k]), px, py);
    }

    private int Stripe(double y) => Math.Clamp((int)Math.Floor((y - _y0) / _height), 0, _count - 1);
}
