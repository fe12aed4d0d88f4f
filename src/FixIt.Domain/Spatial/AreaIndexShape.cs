namespace FixIt.Domain.Spatial;

/// <summary>Not used on the request path: lets the benchmarks report how lookups go.</summary>
public sealed partial class AreaIndex
{
    /// <summary>For diagnostics and benchmarks: how a lookup of this point goes (refinement levels, tests, edges).</summary>
    public LookupShape Shape(double lon, double lat)
    {
        if (!TryLocate(lon, lat, out var offset, out var depth))
        {
            return default;
        }

        if (offset >= DirectArea)
        {
            return new LookupShape(depth, 1, 0, 0);
        }

        var full = _leaves[offset];
        var partial = _leaves[offset + 1 + full];
        var edges = 0;
        var entry = offset + 2 + full;
        for (var k = 0; k < partial; k++)
        {
            var runs = ReadEntry(_leaves, entry, out _, out var runCount, out _);
            for (var r = 0; r < runCount; r++)
            {
                edges += _wideRuns ? _leaves[runs + (2 * r) + 1] : (_leaves[runs + r] & ((1 << RunLengthBits) - 1)) + 1;
            }

            entry = runs + (runCount * (_wideRuns ? 2 : 1));
        }

        return new LookupShape(depth, full, partial, edges);
    }
}

/// <summary>How one lookup goes: refinement levels below the root cell, areas answered directly, areas tested, edges tested.</summary>
public readonly record struct LookupShape(int Depth, int FullAreas, int TestedAreas, int TestedEdges);

/// <summary>The root grid: the bounding box of all areas cut into Nx × Ny cells.</summary>
internal readonly record struct GridFrame(double MinX, double MinY, double MaxX, double MaxY, double CellW, double CellH, int Nx, int Ny)
{
    public double CellX0(int i) => MinX + i * CellW;

    public double CellX1(int i) => MinX + (i + 1) * CellW;

    public double CellY0(int j) => MinY + j * CellH;

    public double CellY1(int j) => MinY + (j + 1) * CellH;
}
