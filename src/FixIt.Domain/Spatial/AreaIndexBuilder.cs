using NetTopologySuite.Geometries;

namespace FixIt.Domain.Spatial;

/// <summary>An area to index: its id and its (valid, WGS84) polygon or multipolygon.</summary>
public sealed record IndexedArea(int Id, Geometry Geometry);

/// <summary>
/// Builds an <see cref="AreaIndex"/>. Each root cell is filled per area, one row at a time; cells whose partial
/// areas together need more than <see cref="LeafEdgeBudget"/> edges (or that are shallower than <see cref="MinPartialDepth"/>)
/// are split 4 × 4, down to
/// <see cref="MaxDepth"/> levels.
/// </summary>
public sealed class AreaIndexBuilder
{
    /// <summary>Most edges a leaf may hold before it is split.</summary>
    public int LeafEdgeBudget { get; init; } = 12;

    /// <summary>Levels a cell crossed by a boundary is split to, whatever its edge count.</summary>
    public int MinPartialDepth { get; init; } = 1;

    /// <summary>Most refinement levels below a root cell.</summary>
    public int MaxDepth { get; init; } = 5;

    /// <summary>Root cells per stored edge; more cells answer more points directly, at the cost of memory.</summary>
    public double CellsPerEdge { get; init; } = 24;

    /// <summary>For tests: the wide leaf formats (two-int runs, unpacked entries) even where the compact ones fit.</summary>
    internal bool WideFormat { get; init; }

    /// <summary>
    /// Builds the index. Scratch space comes from pooled or reused arrays; what is left afterwards is the index
    /// itself (its grid, nodes, leaves and one copy of the vertices).
    /// </summary>
    /// <exception cref="ArgumentException">An area is not a non-empty polygon or multipolygon, or has a coordinate that is not finite.</exception>
    public AreaIndex Build(IReadOnlyList<IndexedArea> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        long capacity = 0;
        foreach (var area in areas)
        {
            if (area.Geometry is not (Polygon or MultiPolygon) || area.Geometry.IsEmpty)
            {
                throw new ArgumentException($"Area {area.Id} is not a non-empty polygon or multipolygon.", nameof(areas));
            }

            capacity += area.Geometry.NumPoints;
        }

        if (capacity >= int.MaxValue / 2)
        {
            throw new ArgumentException("Too many vertices for one index.", nameof(areas));
        }

        var ids = new int[areas.Count];
        using var segments = new SegmentStore((int)capacity);
        var areaVertices = new (int Start, int End)[areas.Count];
        for (var a = 0; a < areas.Count; a++)
        {
            ids[a] = areas[a].Id;
            var start = segments.Count;
            segments.AddRings(areas[a].Geometry);
            areaVertices[a] = (start, segments.Count);
        }

        if (segments.SegmentCount == 0)
        {
            return new AreaIndex(new GridFrame(0, 0, 0, 0, 1, 1, 1, 1), [0], [], [0, 0], [], [], ids);
        }

        var frame = ChooseFrame(segments, CellsPerEdge);
        var stripes = new AreaStripes[areas.Count];
        using var cells = new RootCells(frame.Nx * frame.Ny);
        using (var filler = new RowFiller(segments, frame, cells))
        {
            for (var a = 0; a < areas.Count; a++)
            {
                stripes[a] = new AreaStripes(segments, areaVertices[a].Start, areaVertices[a].End);
                filler.Fill(a, areaVertices[a].Start, areaVertices[a].End, stripes[a]);
            }
        }

        cells.Sort();
        var wide = WideFormat || segments.Count > AreaIndex.CompactRunVertices;
        using var tree = new LeafWriter(segments, stripes, LeafEdgeBudget, MinPartialDepth, MaxDepth, frame.CellW * 1e-7, frame.CellH * 1e-7,
            wideRuns: wide, wideEntries: WideFormat);
        var root = new int[frame.Nx * frame.Ny];
        for (var index = 0; index < root.Length; index++)
        {
            if (cells.Any(index))
            {
                var (i, j) = (index % frame.Nx, index / frame.Nx);
                var rect = new Rect(frame.CellX0(i), frame.CellY0(j), frame.CellX1(i), frame.CellY1(j));
                var (partialAreas, partialEdges) = cells.Partial(index);
                root[index] = tree.Root(rect, cells.Full(index), partialAreas.Span, partialEdges.Span);
            }
        }

        if (tree.Leaves.Count >= AreaIndex.DirectArea || areas.Count >= AreaIndex.DirectArea)
        {
            throw new InvalidOperationException("Too many areas or leaves for one index.");
        }

        return new AreaIndex(frame, root, tree.Children.ToArray(), tree.Leaves.ToArray(), tree.Toggles.ToArray(), segments.Vertices(), ids, wide);
    }

    private static GridFrame ChooseFrame(SegmentStore segments, double cellsPerEdge)
    {
        var (minX, minY, maxX, maxY) = segments.Bounds();
        var width = Math.Max(maxX - minX, 1e-9);
        var height = Math.Max(maxY - minY, 1e-9);
        var target = Math.Clamp(segments.SegmentCount * cellsPerEdge, 64, 1 << 21);
        var cell = Math.Sqrt(width * height / target);
        var nx = (int)Math.Clamp(Math.Ceiling(width / cell), 1, 8192);
        var ny = (int)Math.Clamp(Math.Ceiling(height / cell), 1, 8192);
        return new GridFrame(minX, minY, minX + width, minY + height, width / nx, height / ny, nx, ny);
    }
}

internal readonly record struct Rect(double X0, double Y0, double X1, double Y1)
{
    public Rect Expand(double ex, double ey) => new(X0 - ex, Y0 - ey, X1 + ex, Y1 + ey);
}
