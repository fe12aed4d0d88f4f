namespace FixIt.Domain.Spatial;

/// <summary>
/// A leaf keeps only the edges touching it (T); the other edges' crossings of a rightward ray depend on the
/// point's y alone. Their parity is known at the leaf's bottom-right corner and flips only where a chain of
/// non-touching edges right of the leaf starts or ends beside a touching edge. This finds those y values, each named
/// by its vertex (the index keeps vertex numbers, not copies of their y: a toggle is an end of one of the leaf's own
/// edges, so reading it touches the cache lines the edge test reads anyway).
/// </summary>
internal static class ToggleFinder
{
    /// <summary>
    /// Appends the vertices of the leaf's toggles, by ascending y, to <paramref name="toggles"/> and returns how many;
    /// <paramref name="touching"/> is ascending. <paramref name="scratch"/> is working space.
    /// </summary>
    public static int Find(SegmentStore segments, ReadOnlySpan<int> touching, in Rect wide, ScratchList<int> toggles, ScratchList<int> scratch)
    {
        scratch.Truncate(0);
        foreach (var e in touching)
        {
            Follow(segments, touching, wide, e + 1, segments.Next(e), forward: true, scratch);
            Follow(segments, touching, wide, e, segments.Prev(e), forward: false, scratch);
        }

        // Two flips at the same y cancel.
        var found = scratch.AsSpan();
        found.Sort(new ByY(segments));
        var count = 0;
        for (var k = 0; k < found.Length;)
        {
            var run = 1;
            while (k + run < found.Length && segments.Y1(found[k + run]) == segments.Y1(found[k]))
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

    /// <summary>Vertex <paramref name="vertex"/> ends a touching edge; <paramref name="neighbour"/> is the edge beyond it.</summary>
    private static void Follow(SegmentStore segments, ReadOnlySpan<int> touching, in Rect wide, int vertex, int neighbour, bool forward,
        ScratchList<int> found)
    {
        // X1/Y1 of edge number v are vertex v's coordinates, whether or not v starts an edge.
        double vx = segments.X1(vertex), vy = segments.Y1(vertex);
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
            found.Add(vertex);
        }
    }

    private readonly struct ByY(SegmentStore segments) : IComparer<int>
    {
        public int Compare(int x, int y) => segments.Y1(x).CompareTo(segments.Y1(y));
    }
}
