namespace FixIt.Domain.Spatial;

/// <summary>
/// A leaf keeps only the edges touching it (T); the other edges' crossings of a rightward ray depend on the
/// point's y alone. Their parity is known at the leaf's bottom-right corner and flips only where a chain of
/// non-touching edges right of the leaf starts or ends beside a touching edge. This finds those y values.
/// </summary>
internal static class ToggleFinder
{
    /// <summary>
    /// Appends the leaf's toggles, ascending, to <paramref name="toggles"/> and returns how many;
    /// <paramref name="touching"/> is ascending. <paramref name="scratch"/> is working space.
    /// </summary>
    public static int Find(SegmentStore segments, ReadOnlySpan<int> touching, in Rect wide, ScratchList<double> toggles, ScratchList<double> scratch)
    {
        scratch.Truncate(0);
        foreach (var e in touching)
        {
            Follow(segments, touching, wide, segments.X2(e), segments.Y2(e), segments.Next(e), forward: true, scratch);
            Follow(segments, touching, wide, segments.X1(e), segments.Y1(e), segments.Prev(e), forward: false, scratch);
        }

        // Two flips at the same y cancel.
        var found = scratch.AsSpan();
        found.Sort();
        var count = 0;
        for (var k = 0; k < found.Length;)
        {
            var run = 1;
            while (k + run < found.Length && found[k + run] == found[k])
            {
                run++;
            }

            if (run % 2 == 1)
            {
                toggles.Add(found[k]);
                count++;
            }

            k += run;
        }

        return count;
    }

    private static void Follow(SegmentStore segments, ReadOnlySpan<int> touching, in Rect wide, double vx, double vy, int neighbour, bool forward,
        ScratchList<double> found)
    {
        if (!(vx > wide.X1 && vy > wide.Y0 && vy <= wide.Y1))
        {
            return;
        }

        // Horizontal edges never cross a horizontal ray; the chain's flip comes from the next sloped edge.
        for (var guard = 0; touching.BinarySearch(neighbour) < 0 && segments.IsHorizontal(neighbour) && guard < segments.Count; guard++)
        {
            neighbour = forward ? segments.Next(neighbour) : segments.Prev(neighbour);
        }

        if (touching.BinarySearch(neighbour) < 0)
        {
            found.Add(vy);
        }
    }
}
