namespace FixIt.Domain.Spatial;

/// <summary>
/// Adds one area to the root cells its bounding box overlaps: a cell its boundary touches gets the touching
/// edges (a partial area); any other cell is wholly inside or wholly outside, decided by its centre.
/// </summary>
internal sealed class RowFiller(SegmentStore segments, GridFrame frame, Dictionary<int, CellWork> cells)
{
    private readonly double _epsX = frame.CellW * 1e-7;
    private readonly double _epsY = frame.CellH * 1e-7;

    public void Fill(int area, int start, int end, AreaStripes stripes)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (var s = start; s < end; s++)
        {
            minX = Math.Min(minX, segments.MinX(s));
            maxX = Math.Max(maxX, segments.MaxX(s));
            minY = Math.Min(minY, segments.MinY(s));
            maxY = Math.Max(maxY, segments.MaxY(s));
        }

        var (c0, c1) = (Column(minX - _epsX), Column(maxX + _epsX));
        var (r0, r1) = (Row(minY - _epsY), Row(maxY + _epsY));
        var rows = new List<int>[r1 - r0 + 1];
        for (var s = start; s < end; s++)
        {
            for (var r = Row(segments.MinY(s) - _epsY); r <= Row(segments.MaxY(s) + _epsY); r++)
            {
                (rows[r - r0] ??= []).Add(s);
            }
        }

        var touching = new Dictionary<int, List<int>>();
        for (var r = r0; r <= r1; r++)
        {
            touching.Clear();
            foreach (var s in rows[r - r0] ?? [])
            {
                for (var c = Column(segments.MinX(s) - _epsX); c <= Column(segments.MaxX(s) + _epsX); c++)
                {
                    if (segments.Touches(s, CellRect(c, r)))
                    {
                        if (!touching.TryGetValue(c, out var list))
                        {
                            touching[c] = list = [];
                        }

                        list.Add(s);
                    }
                }
            }

            for (var c = c0; c <= c1; c++)
            {
                if (touching.TryGetValue(c, out var edges))
                {
                    Work(c, r).Partials.Add((area, [.. edges]));
                }
                else if ((stripes.Crossings((frame.CellX0(c) + frame.CellX1(c)) * 0.5, (frame.CellY0(r) + frame.CellY1(r)) * 0.5) & 1) == 1)
                {
                    Work(c, r).Full.Add(area);
                }
            }
        }
    }

    private Rect CellRect(int c, int r) =>
        new Rect(frame.CellX0(c), frame.CellY0(r), frame.CellX1(c), frame.CellY1(r)).Expand(_epsX, _epsY);

    private CellWork Work(int column, int row)
    {
        var key = row * frame.Nx + column;
        if (!cells.TryGetValue(key, out var work))
        {
            work = new CellWork();
            cells[key] = work;
        }

        return work;
    }

    private int Column(double x) => Math.Clamp((int)Math.Floor((x - frame.MinX) / frame.CellW), 0, frame.Nx - 1);

    private int Row(double y) => Math.Clamp((int)Math.Floor((y - frame.MinY) / frame.CellH), 0, frame.Ny - 1);
}
