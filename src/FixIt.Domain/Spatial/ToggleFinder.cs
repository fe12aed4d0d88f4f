namespace FixIt.Domain.Spatial;

/// <summary>
/// A leaf keeps only the edges touching it (T); the other edges' crossings of a rightward ray depend on the
/// point's y alone. Their parity is known at the leaf's bottom-right corner and flips only where a chain of
/// non-touching edges right of the leaf starts or ends beside a touching edge. This finds those y values.
/// </summary>
internal sealed class ToggleFinder(SegmentStore segments, int[] touching, Rect wide)
{
    private readonly HashSet<int> _touching = [.. touching];

    public List<double> Find()
    {
        var found = new List<double>();
        foreach (var e in touching)
        {
            Follow(segments.X2(e), segments.Y2(e), segments.Next(e), forward: true, found);
            Follow(segments.X1(e), segments.Y1(e), segments.Prev(e), forward: false, found);
        }

        // Two flips at the same y cancel.
        return [.. found.GroupBy(y => y).Where(g => g.Count() % 2 == 1).Select(g => g.Key).Order()];
    }

    private void Follow(double vx, double vy, int neighbour, bool forward, List<double> found)
    {
        if (!(vx > wide.X1 && vy > wide.Y0 && vy <= wide.Y1))
        {
            return;
        }

        // Horizontal edges never cross a horizontal ray; the chain's flip comes from the next sloped edge.
        for (var guard = 0; !_touching.Contains(neighbour) && segments.IsHorizontal(neighbour) && guard < segments.Count; guard++)
        {
            neighbour = forward ? segments.Next(neighbour) : segments.Prev(neighbour);
        }

        if (!_touching.Contains(neighbour))
        {
            found.Add(vy);
        }
    }
}
