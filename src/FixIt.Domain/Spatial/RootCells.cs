namespace FixIt.Domain.Spatial;

/// <summary>
/// What the root cells collect while the areas are added, as flat records (no object per cell): full areas as
/// (cell, area), partial areas as (cell, area, edge). <see cref="Sort"/> groups them by cell, keeping the order they
/// came in within a cell — areas ascending, and within an area its edges ascending.
/// </summary>
internal sealed class RootCells(int cellCount) : IDisposable
{
    private readonly ScratchList<int> _fullCell = new(1 << 16);
    private readonly ScratchList<int> _fullArea = new(1 << 16);
    private readonly ScratchList<int> _partialCell = new(1 << 16);
    private readonly ScratchList<long> _partialEdge = new(1 << 16);

    private int[] _fullStarts = [], _fullAreas = [], _partialStarts = [], _partialAreas = [], _partialEdges = [];

    public void AddFull(int cell, int area)
    {
        _fullCell.Add(cell);
        _fullArea.Add(area);
    }

    public void AddPartial(int cell, int area, int edge)
    {
        _partialCell.Add(cell);
        _partialEdge.Add(((long)area << 32) | (uint)edge);
    }

    /// <summary>Groups the records by cell (a stable counting sort) and frees the unsorted ones.</summary>
    public void Sort()
    {
        _fullStarts = new int[cellCount + 1];
        _fullAreas = new int[_fullCell.Count];
        foreach (var cell in _fullCell.AsSpan())
        {
            _fullStarts[cell + 1]++;
        }

        Accumulate(_fullStarts);
        var fill = _fullStarts.AsSpan(0, cellCount).ToArray();
        for (var k = 0; k < _fullCell.Count; k++)
        {
            _fullAreas[fill[_fullCell[k]]++] = _fullArea[k];
        }

        _partialStarts = new int[cellCount + 1];
        _partialAreas = new int[_partialCell.Count];
        _partialEdges = new int[_partialCell.Count];
        foreach (var cell in _partialCell.AsSpan())
        {
            _partialStarts[cell + 1]++;
        }

        Accumulate(_partialStarts);
        _partialStarts.AsSpan(0, cellCount).CopyTo(fill);
        for (var k = 0; k < _partialCell.Count; k++)
        {
            var at = fill[_partialCell[k]]++;
            _partialAreas[at] = (int)(_partialEdge[k] >> 32);
            _partialEdges[at] = (int)_partialEdge[k];
        }

        _fullCell.Dispose();
        _fullArea.Dispose();
        _partialCell.Dispose();
        _partialEdge.Dispose();
    }

    /// <summary>True when some area covers or touches the cell.</summary>
    public bool Any(int cell) =>
        _fullStarts[cell + 1] > _fullStarts[cell] || _partialStarts[cell + 1] > _partialStarts[cell];

    /// <summary>The areas wholly covering the cell, ascending.</summary>
    public ReadOnlySpan<int> Full(int cell) => _fullAreas.AsSpan(_fullStarts[cell], _fullStarts[cell + 1] - _fullStarts[cell]);

    /// <summary>The partial areas' records of the cell: area of each, and edge of each, side by side.</summary>
    public (ReadOnlyMemory<int> Areas, ReadOnlyMemory<int> Edges) Partial(int cell)
    {
        var (start, length) = (_partialStarts[cell], _partialStarts[cell + 1] - _partialStarts[cell]);
        return (_partialAreas.AsMemory(start, length), _partialEdges.AsMemory(start, length));
    }

    private static void Accumulate(int[] starts)
    {
        for (var k = 1; k < starts.Length; k++)
        {
            starts[k] += starts[k - 1];
        }
    }

    public void Dispose()
    {
        _fullCell.Dispose();
        _fullArea.Dispose();
        _partialCell.Dispose();
        _partialEdge.Dispose();
    }
}
