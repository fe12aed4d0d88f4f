using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace FixIt.Domain.Alerts;

/// <summary>What the index needs of one confirmed alert: a point and radius, or an area; the categories it is limited to (none: all).</summary>
public sealed record AlertShape(long Id, double? Latitude, double? Longitude, int? RadiusMetres, int? AreaId, IReadOnlyList<int> CategoryIds);

/// <summary>
/// The confirmed alerts in memory, to find those a new report matches without reading every alert: radius alerts in an
/// STR-tree of their bounding boxes (the exact distance is measured on the few whose box holds the point), area alerts
/// in a map from area id. Immutable; built from the database and swapped whole when <see cref="Version"/> is stale.
/// </summary>
public sealed class AlertIndex
{
    // The shortest degree of latitude (at the equator), so a box always holds its circle.
    private const double MinMetresPerDegree = 110_574;
    private const double EarthRadiusMetres = 6_371_008.8;

    private readonly AlertShape[] _alerts;
    private readonly STRtree<int> _radius = new();
    private readonly Dictionary<int, int[]> _byArea;

    private AlertIndex(AlertShape[] alerts, long version)
    {
        _alerts = alerts;
        Version = version;
        var byArea = new Dictionary<int, List<int>>();
        for (var i = 0; i < alerts.Length; i++)
        {
            var alert = alerts[i];
            if (alert.AreaId is { } areaId)
            {
                if (!byArea.TryGetValue(areaId, out var list))
                {
                    byArea[areaId] = list = [];
                }

                list.Add(i);
            }
            else if (alert is { Latitude: { } lat, Longitude: { } lon, RadiusMetres: { } radius })
            {
                foreach (var box in BoxesAround(lat, lon, radius))
                {
                    _radius.Insert(box, i);
                }
            }
        }

        _byArea = byArea.ToDictionary(p => p.Key, p => p.Value.ToArray());
        _radius.Build();
    }

    public static readonly AlertIndex Empty = Build([], 0);

    public long Version { get; }

    public int Count => _alerts.Length;

    public static AlertIndex Build(IEnumerable<AlertShape> alerts, long version) => new([.. alerts], version);

    /// <summary>The ids of the alerts a report at this point, in these areas, of this category matches, each once.</summary>
    public List<long> Match(double latitude, double longitude, IReadOnlyCollection<int> areaIds, int categoryId)
    {
        var found = new List<long>();
        foreach (var i in _radius.Query(new Envelope(new Coordinate(longitude, latitude))))
        {
            var alert = _alerts[i];
            if (Wants(alert, categoryId) && DistanceMetres(latitude, longitude, alert.Latitude!.Value, alert.Longitude!.Value) <= alert.RadiusMetres!.Value)
            {
                found.Add(alert.Id);
            }
        }

        foreach (var areaId in areaIds)
        {
            if (_byArea.TryGetValue(areaId, out var inArea))
            {
                found.AddRange(inArea.Where(i => Wants(_alerts[i], categoryId)).Select(i => _alerts[i].Id));
            }
        }

        return found;
    }

    /// <summary>Great-circle (haversine) distance in metres.</summary>
    public static double DistanceMetres(double lat1, double lon1, double lat2, double lon2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static bool Wants(AlertShape alert, int categoryId) =>
        alert.CategoryIds.Count == 0 || alert.CategoryIds.Contains(categoryId);

    // The circle's box in degrees; one that runs past ±180° is added again on the other side of the meridian.
    private static IEnumerable<Envelope> BoxesAround(double latitude, double longitude, int radiusMetres)
    {
        var dLat = radiusMetres / MinMetresPerDegree;
        var south = Math.Max(-90, latitude - dLat);
        var north = Math.Min(90, latitude + dLat);
        var cos = Math.Cos(Math.Max(Math.Abs(south), Math.Abs(north)) * Math.PI / 180);
        var dLon = cos <= 1e-9 ? 180 : radiusMetres / (MinMetresPerDegree * cos);
        if (dLon >= 180)
        {
            yield return new Envelope(-180, 180, south, north);
            yield break;
        }

        var west = longitude - dLon;
        var east = longitude + dLon;
        yield return new Envelope(west, east, south, north);
        if (west < -180)
        {
            yield return new Envelope(west + 360, 180, south, north);
        }
        else if (east > 180)
        {
            yield return new Envelope(-180, east - 360, south, north);
        }
    }
}
