namespace FixIt.Domain.Spatial;

/// <summary>
/// Turns a cell's full and partial areas into a leaf, or into 4 × 4 sub-cells when a boundary crosses it (at least
/// MinPartialDepth levels, then while its edges exceed the budget). Leaves with only full areas are shared: most of
/// a county's cells look the same. The cells being refined keep their areas and edges on three stacks (full areas,
/// partial areas, edges): a child pushes its own above its parent's and pops them when written, so the whole
/// recursion reuses the same few arrays.
/// </summary>
/// <param name="wideRuns">Two ints per run (first edge, length) instead of one packed int: needed above <see cref="AreaIndex.CompactRunVertices"/> vertices.</param>
/// <param name="wideEntries">Always write the wide form of partial entries (tests; otherwise only when the counts overflow).</param>
internal sealed class LeafWriter(SegmentStore segments, AreaStripes[] stripes, int leafEdgeBudget, int minPartialDepth, int maxDepth, double epsX, double epsY,
    bool wideRuns, bool wideEntries)
    : IDisposable
{
    private readonly bool _wideRuns = wideRuns;

    private readonly ScratchList<int> _full = new();
    private readonly ScratchList<Part> _parts = new();
    private readonly ScratchList<int> _edges = new();
    private readonly ScratchList<int> _toggleScratch = new();

    /// <summary>Full-only leaves by a hash of their areas; a hash shared by different lists just goes unshared.</summary>
    private readonly Dictionary<long, int> _sharedLeaves = [];

    public ScratchList<int> Children { get; } = new();

    /// <summary>
    /// Offset 0 is the empty leaf: no full areas, no partial ones. A leaf: full count, full areas, partial count,
    /// then per partial area an entry and its runs of consecutive edges (see <see cref="AreaIndex.PartialEntry"/>).
    /// </summary>
    public ScratchList<int> Leaves { get; } = CreateLeaves();

    /// <summary>Per partial area of each leaf, the vertices whose y values flip the parity of the edges outside the leaf, by ascending y.</summary>
    public ScratchList<int> Toggles { get; } = new();

    /// <summary>A root cell: its full areas, and its partial areas' records (area of each edge, ascending; the edges).</summary>
    public int Root(Rect rect, ReadOnlySpan<int> full, ReadOnlySpan<int> partialAreas, ReadOnlySpan<int> partialEdges)
    {
        var (fullStart, partStart, edgeStart) = (_full.Count, _parts.Count, _edges.Count);
        _full.AddRange(full);
        _edges.AddRange(partialEdges);
        for (var k = 0; k < partialAreas.Length;)
        {
            var run = 1;
            while (k + run < partialAreas.Length && partialAreas[k + run] == partialAreas[k])
            {
                run++;
            }

            _parts.Add(new Part(partialAreas[k], edgeStart + k, run));
            k += run;
        }

        var node = Node(rect, fullStart, partStart, 0);
        _full.Truncate(fullStart);
        _parts.Truncate(partStart);
        _edges.Truncate(edgeStart);
        return node;
    }

    /// <summary>The cell's full areas are the full stack from <paramref name="fullStart"/> up, its partial ones the parts stack from <paramref name="partStart"/> up.</summary>
    private int Node(Rect rect, int fullStart, int partStart, int depth)
    {
        var (fullEnd, partEnd) = (_full.Count, _parts.Count);
        var edges = 0;
        for (var p = partStart; p < partEnd; p++)
        {
            edges += _parts[p].EdgeCount;
        }

        // Cells a boundary crosses are split a few levels even when their edges fit the budget: the smaller they
        // get, the fewer points land in them and need a point-in-polygon test at all.
        if (partEnd == partStart || (edges <= leafEdgeBudget && depth >= minPartialDepth) || depth >= maxDepth)
        {
            return Leaf(rect, fullStart, partStart);
        }

        const int split = AreaIndex.Split;
        var node = Children.Count / (split * split);
        Children.Append(split * split);
        var (w, h) = (rect.X1 - rect.X0, rect.Y1 - rect.Y0);
        for (var cy = 0; cy < split; cy++)
        {
            for (var cx = 0; cx < split; cx++)
            {
                // Bounds computed exactly as AreaIndex.Descend computes them.
                var child = new Rect(rect.X0 + w * cx / split, rect.Y0 + h * cy / split, rect.X0 + w * (cx + 1) / split, rect.Y0 + h * (cy + 1) / split);
                var value = Child(child, fullStart, fullEnd, partStart, partEnd, depth);
                Children[node * split * split + cy * split + cx] = value;
            }
        }

        return ~node;
    }

    private int Child(Rect child, int fullStart, int fullEnd, int partStart, int partEnd, int depth)
    {
        var (childFull, childParts, childEdges) = (_full.Count, _parts.Count, _edges.Count);
        var wide = child.Expand(epsX, epsY);
        _full.AddCopyOf(fullStart, fullEnd - fullStart);
        for (var p = partStart; p < partEnd; p++)
        {
            var part = _parts[p];
            var first = _edges.Count;
            for (var k = part.EdgeStart; k < part.EdgeStart + part.EdgeCount; k++)
            {
                var edge = _edges[k];
                if (segments.Touches(edge, wide))
                {
                    _edges.Add(edge);
                }
            }

            if (_edges.Count > first)
            {
                _parts.Add(new Part(part.Area, first, _edges.Count - first));
            }
            else if ((stripes[part.Area].Crossings((child.X0 + child.X1) * 0.5, (child.Y0 + child.Y1) * 0.5) & 1) == 1)
            {
                _full.Add(part.Area);
            }
        }

        var node = Node(child, childFull, childParts, depth + 1);
        _full.Truncate(childFull);
        _parts.Truncate(childParts);
        _edges.Truncate(childEdges);
        return node;
    }

    private int Leaf(Rect rect, int fullStart, int partStart)
    {
        var full = _full.Span(fullStart, _full.Count - fullStart);
        var partCount = _parts.Count - partStart;
        if (partCount == 0 && full.Length == 1)
        {
            // Wholly inside one area, no boundary: the node itself names the area (AreaIndex.DirectArea).
            return AreaIndex.DirectArea + full[0];
        }

        full.Sort();
        long key = 0;
        if (partCount == 0)
        {
            key = Hash(full);
            if (_sharedLeaves.TryGetValue(key, out var shared) && SameFullLeaf(shared, full))
            {
                return shared;
            }
        }

        var offset = Leaves.Count;
        Leaves.Add(full.Length);
        Leaves.AddRange(full);
        Leaves.Add(partCount);
        var wide = rect.Expand(epsX, epsY);
        // Parts are in ascending area order: root cells list them so, and children keep their parent's order.
        for (var p = partStart; p < _parts.Count; p++)
        {
            var part = _parts[p];
            var edges = _edges.Span(part.EdgeStart, part.EdgeCount);
            var toggleStart = Toggles.Count;
            var toggleCount = ToggleFinder.Find(segments, edges, wide, Toggles, _toggleScratch);
            var outside = stripes[part.Area].Crossings(wide.X1, wide.Y0) - segments.Crossings(edges, wide.X1, wide.Y0);
            var runCount = CountRuns(edges);
            Leaves.Add(part.Area);
            Leaves.Add(toggleStart);
            if (!wideEntries && toggleCount <= AreaIndex.PackedCountLimit && runCount <= AreaIndex.PackedCountLimit)
            {
                Leaves.Add((toggleCount << 16) | (runCount << 1) | (outside & 1));
            }
            else
            {
                Leaves.Add(AreaIndex.WideEntry);
                Leaves.Add(toggleCount);
                Leaves.Add(runCount);
                Leaves.Add(outside & 1);
            }

            WriteRuns(edges);
        }

        if (partCount == 0)
        {
            _sharedLeaves.TryAdd(key, offset);
        }

        return offset;
    }

    /// <summary>Runs of consecutive edge numbers; compact runs are cut at 2^RunLengthBits edges.</summary>
    private int CountRuns(ReadOnlySpan<int> edges)
    {
        var runs = 0;
        for (var k = 0; k < edges.Length; runs++)
        {
            k += RunLength(edges, k);
        }

        return runs;
    }

    private void WriteRuns(ReadOnlySpan<int> edges)
    {
        for (var k = 0; k < edges.Length;)
        {
            var run = RunLength(edges, k);
            if (_wideRuns)
            {
                Leaves.Add(edges[k]);
                Leaves.Add(run);
            }
            else
            {
                Leaves.Add((edges[k] << AreaIndex.RunLengthBits) | (run - 1));
            }

            k += run;
        }
    }

    private int RunLength(ReadOnlySpan<int> edges, int k)
    {
        var limit = _wideRuns ? int.MaxValue : 1 << AreaIndex.RunLengthBits;
        var run = 1;
        while (k + run < edges.Length && edges[k + run] == edges[k] + run && run < limit)
        {
            run++;
        }

        return run;
    }

    private bool SameFullLeaf(int offset, ReadOnlySpan<int> full) =>
        Leaves[offset] == full.Length && Leaves.Span(offset + 1, full.Length).SequenceEqual(full) && Leaves[offset + 1 + full.Length] == 0;

    private static long Hash(ReadOnlySpan<int> full)
    {
        var hash = unchecked((long)0xcbf29ce484222325);
        foreach (var area in full)
        {
            hash = unchecked((hash ^ area) * 0x100000001b3);
        }

        return hash ^ full.Length;
    }

    private static ScratchList<int> CreateLeaves()
    {
        var leaves = new ScratchList<int>();
        leaves.Add(0);
        leaves.Add(0);
        return leaves;
    }

    public void Dispose()
    {
        _full.Dispose();
        _parts.Dispose();
        _edges.Dispose();
        _toggleScratch.Dispose();
        Children.Dispose();
        Leaves.Dispose();
        Toggles.Dispose();
    }

    /// <summary>A partial area of the cell being refined: its edges are <see cref="EdgeCount"/> entries of the edge stack.</summary>
    private readonly record struct Part(int Area, int EdgeStart, int EdgeCount);
}
