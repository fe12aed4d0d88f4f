using System.Runtime.CompilerServices;
using NetTopologySuite.Algorithm;

namespace FixIt.Domain.Spatial;

/// <summary>
/// Finds every area covering a point (boundary included, exactly as NetTopologySuite's <c>Covers</c>), without
/// allocating. A root grid, refined 4 × 4 where boundaries cross, stores per leaf the areas that cover
/// the whole leaf and, for areas whose boundary crosses it, only the edges touching the leaf (see ToggleFinder), named
/// as runs of consecutive edges in the one shared copy of the vertices: a run costs two ints however many edges
/// it holds, and reading it walks consecutive doubles.
/// Most points land in cells without partial areas and need no point-in-polygon test at all; a cell wholly inside
/// one area names it in its node value, so most lookups read one or two ints.
/// Immutable once built; build it with <see cref="AreaIndexBuilder"/>.
/// </summary>
public sealed partial class AreaIndex
{
    /// <summary>Sub-cells per side when a cell is refined.</summary>
    internal const int Split = 4;

    /// <summary>
    /// A node value at or above this is no leaf offset but an area index: the cell lies wholly inside that one
    /// area and no boundary crosses it. Below it, a value ≥ 0 is a leaf offset and a negative one a refined cell.
    /// </summary>
    internal const int DirectArea = 1 << 30;

    /// <summary>
    /// Ints per partial area in a leaf before its runs: area index, first toggle, and a word packing the outside
    /// parity (bit 0), the run count (bits 1–15) and the toggle count (bits 16–30). When either count does not fit,
    /// the word is <see cref="WideEntry"/> and three more ints follow: toggle count, run count, parity. Then come
    /// the runs of consecutive edges (edge e goes from vertex e to vertex e + 1): one int each,
    /// <c>first edge &lt;&lt; 7 | (length − 1)</c>, while the vertices number at most <see cref="CompactRunVertices"/>;
    /// two ints (first edge, length) otherwise.
    /// </summary>
    internal const int PartialEntry = 3;

    /// <summary>The packed word of a partial entry whose counts did not fit in it.</summary>
    internal const int WideEntry = -1;

    /// <summary>Largest count the packed word holds (15 bits).</summary>
    internal const int PackedCountLimit = (1 << 15) - 1;

    /// <summary>Bits of a compact run holding its length less one: runs are at most 128 edges, longer ones are cut.</summary>
    internal const int RunLengthBits = 7;

    /// <summary>Most vertices an index with one-int runs may have: the first edge has 24 bits.</summary>
    internal const int CompactRunVertices = 1 << 24;

    private readonly double _minX, _minY, _maxX, _maxY, _invW, _invH;
    private readonly int _nx, _ny;
    private readonly int[] _root;
    private readonly int[] _children;
    private readonly int[] _leaves;
    private readonly int[] _toggles;
    private readonly double[] _vertices;
    private readonly int[] _areaIds;
    private readonly bool _wideRuns;

    internal AreaIndex(GridFrame frame, int[] root, int[] children, int[] leaves, int[] toggles, double[] vertices, int[] areaIds,
        bool wideRuns = false)
    {
        _wideRuns = wideRuns;
        (_minX, _minY, _maxX, _maxY, _nx, _ny) = (frame.MinX, frame.MinY, frame.MaxX, frame.MaxY, frame.Nx, frame.Ny);
        _invW = 1 / frame.CellW;
        _invH = 1 / frame.CellH;
        (_root, _children, _leaves, _toggles, _vertices, _areaIds) = (root, children, leaves, toggles, vertices, areaIds);
    }

    /// <summary>The number of indexed areas.</summary>
    public int AreaCount => _areaIds.Length;

    /// <summary>Approximate bytes held by the index arrays.</summary>
    public long SizeInBytes =>
        4L * (_root.Length + _children.Length + _leaves.Length + _toggles.Length + _areaIds.Length) + 8L * _vertices.Length;

    /// <summary>
    /// Writes the ids of the areas covering (lon, lat) into <paramref name="result"/> and returns how many there
    /// are; if that is more than the span holds, only the first ones are written.
    /// </summary>
    public int FindCovering(double lon, double lat, Span<int> result)
    {
        if (!TryLocate(lon, lat, out var node, out _))
        {
            return 0;
        }

        if (node >= DirectArea)
        {
            // The commonest answer: the cell lies wholly inside one area and no boundary crosses it.
            if (result.Length > 0)
            {
                result[0] = _areaIds[node - DirectArea];
            }

            return 1;
        }

        return ReadLeaf(node, lon, lat, result);
    }

    /// <summary>
    /// The node the point ends at — a leaf offset, or <see cref="DirectArea"/> plus an area index — and how many
    /// refinement levels below its root cell; false for a point outside the grid (NaN included: it fails every
    /// comparison). The walk down the 4 × 4 refinements keeps the point's position inside the current cell as
    /// fractions of its width and height: each level scales them by 4 (exact in binary floating point) and keeps
    /// the remainder, so no division is needed. The sub-cell chosen this way can differ from the one LeafWriter
    /// computed only for a point within rounding distance (~1e-13 of a root cell) of a sub-cell edge, and leaves
    /// are built from the edges touching their cell widened by 1e-7 of a root cell, so either neighbour gives the
    /// same answer there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryLocate(double lon, double lat, out int node, out int depth)
    {
        depth = 0;
        if (!(lon >= _minX && lon <= _maxX && lat >= _minY && lat <= _maxY))
        {
            node = 0;
            return false;
        }

        var fx = (lon - _minX) * _invW;
        var fy = (lat - _minY) * _invH;
        var i = Math.Min((int)fx, _nx - 1);
        var j = Math.Min((int)fy, _ny - 1);
        (fx, fy) = (fx - i, fy - j);
        node = _root[j * _nx + i];
        while (node < 0)
        {
            depth++;
            fx *= Split;
            fy *= Split;
            var cx = Math.Clamp((int)fx, 0, Split - 1);
            var cy = Math.Clamp((int)fy, 0, Split - 1);
            (fx, fy) = (fx - cx, fy - cy);
            node = _children[(~node * (Split * Split)) + (cy * Split) + cx];
        }

        return true;
    }

    private int ReadLeaf(int offset, double lon, double lat, Span<int> result)
    {
        var leaves = _leaves;
        var fullCount = leaves[offset++];
        var found = 0;
        for (var k = 0; k < fullCount; k++, found++)
        {
            if (found < result.Length)
            {
                result[found] = _areaIds[leaves[offset + k]];
            }
        }

        offset += fullCount;
        var partialCount = leaves[offset++];
        for (var k = 0; k < partialCount; k++)
        {
            var entry = offset;
            var runs = ReadEntry(leaves, entry, out var toggleCount, out var runCount, out var parity);
            offset = runs + (runCount * (_wideRuns ? 2 : 1));
            if (Covers(leaves[entry + 1], toggleCount, runs, runCount, parity, lon, lat))
            {
                if (found < result.Length)
                {
                    result[found] = _areaIds[leaves[entry]];
                }

                found++;
            }
        }

        return found;
    }

    /// <summary>Unpacks a partial entry (see <see cref="PartialEntry"/>) and returns where its runs start.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ReadEntry(int[] leaves, int entry, out int toggleCount, out int runCount, out int parity)
    {
        var packed = leaves[entry + 2];
        if (packed != WideEntry)
        {
            (toggleCount, runCount, parity) = (packed >> 16, (packed >> 1) & PackedCountLimit, packed & 1);
            return entry + PartialEntry;
        }

        (toggleCount, runCount, parity) = (leaves[entry + 3], leaves[entry + 4], leaves[entry + 5]);
        return entry + PartialEntry + 3;
    }

    /// <summary>
    /// NetTopologySuite's ray-crossing rule (RayCrossingCounter) over the edges touching the leaf, plus the parity
    /// of the other edges' crossings: known at the leaf's bottom-right corner, flipped at each stored y below the point.
    /// </summary>
    /// <param name="toggleStart">Where the area's toggles (vertex numbers: their y values count) start in the toggle array.</param>
    /// <param name="toggleCount">How many toggles.</param>
    /// <param name="runs">Where the area's runs start in the leaf array.</param>
    /// <param name="runCount">How many runs of consecutive edges (see <see cref="PartialEntry"/>).</param>
    /// <param name="crossings">The parity outside the leaf: 1 when the leaf's corner is inside.</param>
    /// <param name="px">The point's x.</param>
    /// <param name="py">The point's y.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Covers(int toggleStart, int toggleCount, int runs, int runCount, int crossings, double px, double py)
    {
        var toggles = _toggles;
        var data = _vertices;
        for (int k = toggleStart, end = toggleStart + toggleCount; k < end; k++)
        {
            if (py >= data[(2 * toggles[k]) + 1])
            {
                crossings++;
            }
        }

        var leaves = _leaves;
        for (var r = 0; r < runCount; r++)
        {
            int first, length;
            if (_wideRuns)
            {
                (first, length) = (leaves[runs + (2 * r)], leaves[runs + (2 * r) + 1]);
            }
            else
            {
                var run = leaves[runs + r];
                (first, length) = (run >>> RunLengthBits, (run & ((1 << RunLengthBits) - 1)) + 1);
            }

            var k = 2 * first;
            for (var end = k + (2 * length); k < end; k += 2)
            {
                double x1 = data[k], y1 = data[k + 1], x2 = data[k + 2], y2 = data[k + 3];
                if (x1 < px && x2 < px)
                {
                    continue;
                }

                if (px == x2 && py == y2)
                {
                    return true;
                }

                if (y1 == py && y2 == py)
                {
                    if (px >= Math.Min(x1, x2) && px <= Math.Max(x1, x2))
                    {
                        return true;
                    }

                    continue;
                }

                if ((y1 > py && y2 <= py) || (y2 > py && y1 <= py))
                {
                    var orientation = CGAlgorithmsDD.OrientationIndex(x1, y1, x2, y2, px, py);
                    if (orientation == 0)
                    {
                        return true;
                    }

                    if ((y2 < y1 ? -orientation : orientation) > 0)
                    {
                        crossings++;
                    }
                }
            }
        }

        return (crossings & 1) == 1;
    }
}
