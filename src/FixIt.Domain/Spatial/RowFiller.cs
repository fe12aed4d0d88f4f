namespace FixIt.Domain.Spatial;

/// <summary>
/// Adds one area at a time to the root cells its bounding box overlaps: a cell its boundary touches gets the
/// touching edges (a partial area); any other cell is wholly inside or wholly outside. Cells come in rows; a run of
/// untouched cells between two touched ones in a row holds no boundary, so one crossing count at its first cell's
/// centre decides the whole run. What it finds is appended to <see cref="RootCells"/>; its scratch lists are reused
/// from area to area.
/// </summary>
internal sealed class RowFiller(SegmentStore segments, GridFrame frame, RootCells cells) : IDisposable
{
    private readonly double _epsX = frame.CellW * 1e-7;
    private readonly double _epsY = frame.CellH * 1e-7;
    private readonly ScratchList<int> _rowStarts = new();
    private readonly ScratchList<int> _rowEdges = new();
    private readonly ScratchList<long> _touching = new();

    /// <summary>Adds area number <paramref name="area"/>, whose edges start at vertices <paramref name="start"/> to <paramref name="end"/> (exclusive).</summary>
    public void Fill(int area, int start, int end, AreaStripes stripes)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (var s = start; s < end; s++)
        {
            if (segments.IsSegment(s))
            {
                minX = Math.Min(minX, segments.MinX(s));
                maxX = Math.Max(maxX, segments.MaxX(s));
                minY = Math.Min(minY, segments.MinY(s));
                maxY = Math.Max(maxY, segments.MaxY(s));
            }
        }

        if (minX > maxX)
        {
            return;
        }

        var (c0, c1) = (Column(minX - _epsX), Column(maxX + _epsX));
        var (r0, r1) = (Row(minY - _epsY), Row(maxY + _epsY));
        BucketByRow(start, end, r0, r1);
        for (var r = r0; r <= r1; r++)
        {
            _touching.Truncate(0);
            foreach (var s in _rowEdges.Span(_rowStarts[r - r0], _rowStarts[r - r0 + 1] - _rowStarts[r - r0]))
            {
                for (var column = Column(segments.MinX(s) - _epsX); column <= Column(segments.MaxX(s) + _epsX); column++)
                {
                    if (segments.Touches(s, CellRect(column, r)))
                    {
                        _touching.Add(((long)column << 32) | (uint)s);
                    }
                }
            }

            // By column, and within a column by edge (the row's edges come in ascending order).
            var touching = _touching.AsSpan();
            touching.Sort();
            var next = 0;
            var c = c0;
            while (c <= c1)
            {
                var touchedColumn = next < touching.Length ? (int)(touching[next] >> 32) : c1 + 1;
                if (c < touchedColumn)
                {
                    // Untouched cells c .. touchedColumn - 1: one test decides them all.
                    var inside = (stripes.Crossings((frame.CellX0(c) + frame.CellX1(c)) * 0.5, (frame.CellY0(r) + frame.CellY1(r)) * 0.5) & 1) == 1;
                    for (; c < touchedColumn && c <= c1; c++)
                    {
                        if (inside)
                        {
                            cells.AddFull(r * frame.Nx + c, area);
                        }
                    }

                    continue;
                }

                for (; next < touching.Length && (int)(touching[next] >> 32) == c; next++)
                {
                    cells.AddPartial(r * frame.Nx + c, area, (int)touching[next]);
                }

                c++;
            }
        }
    }

    /// <summary>The area's edges per row r0..r1 (an edge in every row it overlaps), ascending within a row.</summary>
    private void BucketByRow(int start, int end, int r0, int r1)
    {
        var rows = r1 - r0 + 1;
        _rowStarts.Truncate(0);
        _rowStarts.Append(rows + 1).Clear();
        for (var s = start; s < end; s++)
        {
            if (segments.IsSegment(s))
            {
                for (var r = Row(segments.MinY(s) - _epsY); r <= Row(segments.MaxY(s) + _epsY); r++)
                {
                    _rowStarts[r - r0 + 1]++;
                }
            }
        }

        for (var r = 0; r < rows; r++)
        {
            _rowStarts[r + 1] += _rowStarts[r];
        }

        _rowEdges.Truncate(0);
        _rowEdges.Append(_rowStarts[rows]);
        for (var s = start; s < end; s++)
        {
            if (segments.IsSegment(s))
            {
                for (var r = Row(segments.MinY(s) - _epsY); r <= Row(segments.MaxY(s) + _epsY); r++)
                {
                    // _rowStarts[r] is this row's fill position until the pass ends, then shifted back.
                    _rowEdges[_rowStarts[r - r0]++] = s;
                }
            }
        }

        for (var r = rows; r > 0; r--)
        {
            _rowStarts[r] = _rowStarts[r - 1];
        }

        _rowStarts[0] = 0;
    }

    private Rect CellRect(int c, int r) =>
        new Rect(frame.CellX0(c), frame.CellY0(r), frame.CellX1(c), frame.CellY1(r)).Expand(_epsX, _epsY);

    private int Column(double x) => Math.Clamp((int)Math.Floor((x - frame.MinX) / frame.CellW), 0, frame.Nx - 1);

    private int Row(double y) => Math.Clamp((int)Math.Floor((y - frame.MinY) / frame.CellH), 0, frame.Ny - 1);

    public void Dispose()
    {
        _rowStarts.Dispose();
        _rowEdges.Dispose();
        _touching.Dispose();
    }
}
