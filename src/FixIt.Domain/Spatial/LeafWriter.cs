namespace FixIt.Domain.Spatial;

/// <summary>
/// Turns a cell's full and partial areas into a leaf, or into 4 × 4 sub-cells when a boundary crosses it (at least
/// MinPartialDepth levels, then while its edges exceed the budget). Leaves with only full areas are shared: most of a county's cells look the same.
/// </summary>
internal sealed class LeafWriter(SegmentStore segments, AreaStripes[] stripes, int leafEdgeBudget, int minPartialDepth, int maxDepth, double epsX, double epsY)
{
    private readonly Dictionary<string, int> _sharedLeaves = new() { [""] = 0 };

    public List<int> Children { get; } = [];

    /// <summary>Offset 0 is the empty leaf: no full areas, no partial ones.</summary>
    public List<int> Leaves { get; } = [0, 0];

    /// <summary>
    /// Per partial area of each leaf, side by side: its toggles (the y values where edges outside the leaf flip the
    /// parity), then its edges copied as (x1, y1, x2, y2); a test reads one run of consecutive cache lines.
    /// </summary>
    public List<double> LeafData { get; } = [];

    public int Node(Rect rect, List<int> full, List<(int Area, int[] Edges)> partials, int depth)
    {
        var edges = partials.Sum(p => p.Edges.Length);
        // Cells a boundary crosses are split a few levels even when their edges fit the budget: the smaller they
        // get, the fewer points land in them and need a point-in-polygon test at all.
        if (partials.Count == 0 || (edges <= leafEdgeBudget && depth >= minPartialDepth) || depth >= maxDepth)
        {
            return Leaf(rect, full, partials);
        }

        const int split = AreaIndex.Split;
        var node = Children.Count / (split * split);
        Children.AddRange(new int[split * split]);
        var (w, h) = (rect.X1 - rect.X0, rect.Y1 - rect.Y0);
        for (var cy = 0; cy < split; cy++)
        {
            for (var cx = 0; cx < split; cx++)
            {
                // Bounds computed exactly as AreaIndex.Descend computes them.
                var child = new Rect(rect.X0 + w * cx / split, rect.Y0 + h * cy / split, rect.X0 + w * (cx + 1) / split, rect.Y0 + h * (cy + 1) / split);
                Children[node * split * split + cy * split + cx] = Child(child, full, partials, depth);
            }
        }

        return ~node;
    }

    private int Child(Rect child, List<int> full, List<(int Area, int[] Edges)> partials, int depth)
    {
        var wide = child.Expand(epsX, epsY);
        var childFull = new List<int>(full);
        var childPartials = new List<(int, int[])>();
        foreach (var (area, parentEdges) in partials)
        {
            var childEdges = parentEdges.Where(s => segments.Touches(s, wide)).ToArray();
            if (childEdges.Length > 0)
            {
                childPartials.Add((area, childEdges));
            }
            else if ((stripes[area].Crossings((child.X0 + child.X1) * 0.5, (child.Y0 + child.Y1) * 0.5) & 1) == 1)
            {
                childFull.Add(area);
            }
        }

        return Node(child, childFull, childPartials, depth + 1);
    }

    private int Leaf(Rect rect, List<int> full, List<(int Area, int[] Edges)> partials)
    {
        if (partials.Count == 0 && full.Count == 1)
        {
            // Wholly inside one area, no boundary: the node itself names the area (AreaIndex.DirectArea).
            return AreaIndex.DirectArea + full[0];
        }

        full.Sort();
        string? key = null;
        if (partials.Count == 0)
        {
            key = string.Join(',', full);
            if (_sharedLeaves.TryGetValue(key, out var shared))
            {
                return shared;
            }
        }

        var offset = Leaves.Count;
        Leaves.Add(full.Count);
        Leaves.AddRange(full);
        Leaves.Add(partials.Count);
        var wide = rect.Expand(epsX, epsY);
        foreach (var (area, edges) in partials.OrderBy(p => p.Area))
        {
            var toggles = new ToggleFinder(segments, edges, wide).Find();
            var outside = stripes[area].Crossings(wide.X1, wide.Y0) - segments.Crossings(edges, wide.X1, wide.Y0);
            Leaves.AddRange([area, LeafData.Count, toggles.Count, edges.Length, outside & 1]);
            LeafData.AddRange(toggles);
            foreach (var e in edges)
            {
                LeafData.AddRange([segments.X1(e), segments.Y1(e), segments.X2(e), segments.Y2(e)]);
            }
        }

        if (key is not null)
        {
            _sharedLeaves[key] = offset;
        }

        return offset;
    }
}
