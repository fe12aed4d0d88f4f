namespace FixIt.Domain.Places;

/// <summary>
/// A grid of 0.01° cells (about 1.1 km north to south) numbered row by row, so "places near this point" is an
/// index lookup of a few cell numbers on any database. Columns wrap at the 180° meridian.
/// </summary>
public static class PlaceCells
{
    private const int Columns = 36_000;

    /// <summary>How far a place may be and still be "near" a report.</summary>
    public const double NearMetres = 500;

    /// <summary>
    /// Rows this close to a pole (|latitude| ≥ 89.5°, under 1 km of longitude all round) are one cell each: a
    /// 0.01° column there is metres wide, and no fixed number of columns would reach 500 m.
    /// </summary>
    private const double PolarLatitude = 89.5;

    public static int CellOf(double latitude, double longitude) => Cell(Row(latitude), Column(longitude));

    /// <summary>Every cell within <see cref="NearMetres"/> of the point (a few more near the poles, never fewer).</summary>
    public static IReadOnlyList<int> Around(double latitude, double longitude)
    {
        var row = Row(latitude);
        var column = Column(longitude);
        var cells = new List<int>();
        for (var r = Math.Max(0, row - 1); r <= Math.Min(17_999, row + 1); r++)
        {
            if (IsPolar(r))
            {
                cells.Add(Cell(r, 0));
                continue;
            }

            // The row's edge nearer the pole is where its columns are narrowest.
            var edge = Math.Max(Math.Abs(RowLatitude(r)), Math.Abs(RowLatitude(r + 1)));
            var reach = (int)Math.Ceiling(1 / Math.Cos(edge * Math.PI / 180));
            for (var c = column - reach; c <= column + reach; c++)
            {
                cells.Add(Cell(r, c));
            }
        }

        return cells;
    }

    /// <summary>Great-circle distance in metres (haversine on a sphere of the Earth's mean radius).</summary>
    public static double Metres(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        const double radius = 6_371_008.8;
        var dLat = (latitude2 - latitude1) * Math.PI / 180;
        var dLon = (longitude2 - longitude1) * Math.PI / 180;
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(latitude1 * Math.PI / 180) * Math.Cos(latitude2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * radius * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static int Row(double latitude) => Math.Clamp((int)Math.Floor((latitude + 90) * 100), 0, 17_999);

    private static double RowLatitude(int row) => (row / 100.0) - 90;

    private static bool IsPolar(int row) => RowLatitude(row) >= PolarLatitude || RowLatitude(row + 1) <= -PolarLatitude;

    private static int Cell(int row, int column) => (row * Columns) + (IsPolar(row) ? 0 : ((column % Columns) + Columns) % Columns);

    private static int Column(double longitude) => (((int)Math.Floor((longitude + 180) * 100) % Columns) + Columns) % Columns;
}

/// <summary>How a place ranks among matches equally good by name: people before kinds, towns before stops.</summary>
public static class PlaceRank
{
    public static long Of(string kind, long population) => (Math.Max(0, population) * 10) + KindWeight(kind);

    private static int KindWeight(string kind) => kind switch
    {
        "city" or "town" or "pplc" or "ppla" or "ppla2" => 6,
        "village" or "ppl" or "suburb" => 5,
        "postcode" => 4,
        "street" or "road" => 3,
        "stop" or "station" => 2,
        _ => 1,
    };
}
