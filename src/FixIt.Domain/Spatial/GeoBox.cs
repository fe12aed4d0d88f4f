using NetTopologySuite.Geometries;

namespace FixIt.Domain.Spatial;

/// <summary>
/// A box in WGS84 degrees: west, south, east, north (GeoJSON's bbox order). West greater than east is a box across
/// the 180° meridian (RFC 7946 §5.2): it holds the longitudes from west up to 180 and from −180 up to east.
/// −180 and 180 are one meridian, so a box reaching either holds both.
/// </summary>
public readonly record struct GeoBox(double West, double South, double East, double North)
{
    public bool CrossesAntimeridian => West > East;

    /// <summary>Degrees of longitude covered, 0 to 360.</summary>
    public double Width => CrossesAntimeridian ? East - West + 360 : East - West;

    /// <summary>Every longitude is inside: a query needs no longitude condition.</summary>
    public bool SpansAllLongitudes => Width >= 360;

    public bool Contains(double longitude, double latitude) =>
        latitude >= South && latitude <= North && ContainsLongitude(longitude);

    public bool ContainsLongitude(double longitude) =>
        SpansAllLongitudes
        || (CrossesAntimeridian ? longitude >= West || longitude <= East : longitude >= West && longitude <= East)
        || (longitude == 180 && West == -180)
        || (longitude == -180 && East == 180);

    /// <summary>A longitude brought into −180…180 (a map view across the line runs past it); in-range values are kept as they are.</summary>
    public static double WrapLongitude(double longitude) =>
        longitude is >= -180 and <= 180 ? longitude : ((((longitude + 180) % 360) + 360) % 360) - 180;

    /// <summary>The smallest box holding the geometry; see <see cref="Covering(IEnumerable{Coordinate})"/>.</summary>
    public static GeoBox Covering(Geometry geometry) => Covering(geometry.Coordinates);

    /// <summary>
    /// The smallest box holding every coordinate. Its longitudes are the shortest arc of the circle that holds them
    /// all: the circle less the widest gap between neighbouring longitudes. When that gap is not the one at the 180°
    /// meridian, the box crosses it (an island chain either side of the line, not a band round the world).
    /// </summary>
    public static GeoBox Covering(IEnumerable<Coordinate> coordinates)
    {
        var longitudes = new List<double>();
        double south = double.PositiveInfinity, north = double.NegativeInfinity;
        var reaches180 = false;
        foreach (var c in coordinates)
        {
            // 180 counts as −180 while gaps are measured, so a piece ending at the line leaves no gap there.
            reaches180 |= c.X == 180;
            longitudes.Add(c.X == 180 ? -180 : c.X);
            south = Math.Min(south, c.Y);
            north = Math.Max(north, c.Y);
        }

        if (longitudes.Count == 0)
        {
            throw new ArgumentException("A bounding box needs at least one coordinate.", nameof(coordinates));
        }

        longitudes.Sort();
        var widestGap = longitudes[0] + 360 - longitudes[^1];
        var after = 0;
        for (var i = 1; i < longitudes.Count; i++)
        {
            if (longitudes[i] - longitudes[i - 1] > widestGap)
            {
                (widestGap, after) = (longitudes[i] - longitudes[i - 1], i);
            }
        }

        if (after == 0)
        {
            return new GeoBox(longitudes[0], south, reaches180 ? 180 : longitudes[^1], north);
        }

        // The box runs from the longitude after the gap round to the one before it; one that only touches the
        // line from the east side ([w, −180]) is the plain box [w, 180].
        var east = longitudes[after - 1];
        return new GeoBox(longitudes[after], south, east == -180 ? 180 : east, north);
    }
}
