namespace FixIt.Domain.Spatial;

/// <summary>
/// Turns a cell's full and partial areas into a leaf, or into four quadrants when its partial areas need more
/// edges than the budget. Leaves with only full areas are shared: most of a county's cells look the same.
/// </summary>
internal sealed class LeafWriter(SegmentStore segments, AreaStripes[] stripes, int leafEdgeBudget, int minPartialDepth, int maxDepth, double epsX, double epsY)
{
    private readonly Dictionary<string, int> _sharedLeaves = new() { [""] = 0 };

    public List<int> Children { get; } = [];

    /// <summary>Offset 0 is the empty leaf: no full areas, no partial ones.</summary>
    public List<int> Leaves { get; } = [0, 0];

    /// <summary>Each leaf's edges copied side by side (x1, y1, x2, y2), so a test reads one or two cache lines.</summary>
    public List<double> LeafSegments { get; } = [];

    public List<double> Toggles { get; } = [];

    public int Node(Rect rect, List<int> full, List<(int Area, int[] Edges)> partials, int depth)
    {
        var edges = partials.Sum(p => p.Edges.Length);
        // Cells a boundary crosses are split a few levels even when their edges fit the budget: the smaller they
        // get, the fewer points land in them and need a point-in-polygon test at all.
        if (partials.Count == 0 || (edges <= leafEdgeBudget && depth >= minPartialDepth) || depth >= maxDepth)
        {
            return Leaf(rect, full, partials);
        }

        var node = Children.Count / 4;
        Children.AddRange([0, 0, 0, 0]);
        var mx = (rect.X0 + rect.X1) * 0.5;
        var my = (rect.Y0 + rect.Y1) * 0.5;
        // The quadrant order and the split at the midpoint must match AreaIndex.Descend exactly.
        Rect[] quadrants = [new(rect.X0, rect.Y0, mx, my), new(mx, rect.Y0, rect.X1, my), new(rect.X0, my, mx, rect.Y1), new(mx, my, rect.X1, rect.Y1)];
        for (var q = 0; q < 4; q++)
        {
            var child = quadrants[q];
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

            Children[4 * node + q] = Node(child, childFull, childPartials, depth + 1);
        }

        return ~node;
    }

    private int Leaf(Rect rect, List<int> full, List<(int Area, int[] Edges)> partials)
    {
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
            Leaves.AddRange([area, LeafSegments.Count / 4, edges.Length, outside & 1, Toggles.Count, toggles.Count]);
            foreach (var e in edges)
            {
                LeafSegments.AddRange([segments.X1(e), segments.Y1(e), segments.X2(e), segments.Y2(e)]);
            }

            Toggles.AddRange(toggles);
        }

        if (key is not null)
        {
            _sharedLeaves[key] = offset;
        }

        return offset;
    }
}
