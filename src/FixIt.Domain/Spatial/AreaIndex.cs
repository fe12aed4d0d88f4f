using System.Runtime.CompilerServices;
using NetTopologySuite.Algorithm;

namespace FixIt.Domain.Spatial;

/// <summary>
/// Finds every area covering a point (boundary included, exactly as NetTopologySuite's <c>Covers</c>), without
/// allocating. A root grid, refined 4 × 4 where boundaries cross, stores per leaf the areas that cover
/// the whole leaf and, for areas whose boundary crosses it, only copies of the edges touching the leaf (see ToggleFinder).
/// Most points land in leaves without partial areas and need no point-in-polygon test at all.
/// Immutable once built; build it with <see cref="AreaIndexBuilder"/>.
/// </summary>
public sealed partial class AreaIndex
{
    /// <summary>Sub-cells per side when a cell is refined.</summary>
    internal const int Split = 4;

    private readonly double _minX, _minY, _maxX, _maxY, _cellW, _cellH, _invW, _invH;
    private readonly int _nx, _ny;
    private readonly int[] _root;
    private readonly int[] _children;
    private readonly int[] _leaves;
    private readonly double[] _segments;
    private readonly double[] _toggles;
    private readonly int[] _areaIds;

    internal AreaIndex(GridFrame frame, int[] root, int[] children, int[] leaves, double[] segments, double[] toggles, int[] areaIds)
    {
        (_minX, _minY, _maxX, _maxY, _cellW, _cellH, _nx, _ny) = (frame.MinX, frame.MinY, frame.MaxX, frame.MaxY, frame.CellW, frame.CellH, frame.Nx, frame.Ny);
        _invW = 1 / _cellW;
        _invH = 1 / _cellH;
        (_root, _children, _leaves, _segments, _toggles, _areaIds) = (root, children, leaves, segments, toggles, areaIds);
    }

    /// <summary>The number of indexed areas.</summary>
    public int AreaCount => _areaIds.Length;

    /// <summary>Approximate bytes held by the index arrays.</summary>
    public long SizeInBytes =>
        4L * (_root.Length + _children.Length + _leaves.Length + _areaIds.Length) + 8L * (_segments.Length + _toggles.Length);

    /// <summary>
    /// Writes the ids of the areas covering (lon, lat) into <paramref name="result"/> and returns how many there
    /// are; if that is more than the span holds, only the first ones are written.
    /// </summary>
    public int FindCovering(double lon, double lat, Span<int> result)
    {
        // Written so that NaN fails every comparison and falls out here.
        if (!(lon >= _minX && lon <= _maxX && lat >= _minY && lat <= _maxY))
        {
            return 0;
        }

        var i = Math.Min((int)((lon - _minX) * _invW), _nx - 1);
        var j = Math.Min((int)((lat - _minY) * _invH), _ny - 1);
        var node = _root[j * _nx + i];
        if (node < 0)
        {
            node = Descend(node, i, j, lon, lat);
        }

        return ReadLeaf(node, lon, lat, result);
    }

    private int Descend(int node, int i, int j, double lon, double lat) => Descend(node, i, j, lon, lat, int.MaxValue);

    private int Descend(int node, int i, int j, double lon, double lat, int maxLevels)
    {
        var x0 = _minX + i * _cellW;
        var x1 = _minX + (i + 1) * _cellW;
        var y0 = _minY + j * _cellH;
        var y1 = _minY + (j + 1) * _cellH;
        for (var level = 0; node < 0 && level < maxLevels; level++)
        {
            // A 4 × 4 split; the sub-cell bounds are computed exactly as LeafWriter computes them.
            var w = x1 - x0;
            var h = y1 - y0;
            var cx = Math.Clamp((int)((lon - x0) / w * Split), 0, Split - 1);
            var cy = Math.Clamp((int)((lat - y0) / h * Split), 0, Split - 1);
            (x0, x1) = (x0 + w * cx / Split, x0 + w * (cx + 1) / Split);
            (y0, y1) = (y0 + h * cy / Split, y0 + h * (cy + 1) / Split);
            node = _children[~node * (Split * Split) + cy * Split + cx];
        }

        return node;
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
        for (var k = 0; k < partialCount; k++, offset += 6)
        {
            if (Covers(leaves.AsSpan(offset + 1, 5), lon, lat))
            {
                if (found < result.Length)
                {
                    result[found] = _areaIds[leaves[offset]];
                }

                found++;
            }
        }

        return found;
    }

    /// <summary>
    /// NetTopologySuite's ray-crossing rule (RayCrossingCounter) over the edges touching the leaf, plus the parity
    /// of the other edges' crossings: known at the leaf's bottom-right corner, flipped at each stored y below the point.
    /// </summary>
    /// <param name="entry">edge start, edge count, outside parity, toggle start, toggle count.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Covers(ReadOnlySpan<int> entry, double px, double py)
    {
        var crossings = entry[2];
        for (var t = entry[3]; t < entry[3] + entry[4]; t++)
        {
            if (py >= _toggles[t])
            {
                crossings++;
            }
        }

        var segments = _segments;
        for (var k = entry[0]; k < entry[0] + entry[1]; k++)
        {
            var s = k << 2;
            double x1 = segments[s], y1 = segments[s + 1], x2 = segments[s + 2], y2 = segments[s + 3];
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

        return (crossings & 1) == 1;
    }
}
