using FixIt.Domain.Reports;
using FixIt.Domain.Spatial;

namespace FixIt.Application.Common;

/// <summary>The one spelling of "reports inside a box" for queries, across the 180° meridian included.</summary>
public static class ReportsInBox
{
    public static IQueryable<Report> InsideBox(this IQueryable<Report> reports, GeoBox box)
    {
        var (west, south, east, north) = (box.West, box.South, box.East, box.North);
        reports = reports.Where(r => r.Latitude >= south && r.Latitude <= north);
        if (box.SpansAllLongitudes)
        {
            return reports;
        }

        if (box.CrossesAntimeridian)
        {
            return reports.Where(r => r.Longitude >= west || r.Longitude <= east);
        }

        // −180 and 180 are one meridian: a box reaching either edge holds a report stored at the other.
        return east == 180 ? reports.Where(r => (r.Longitude >= west && r.Longitude <= east) || r.Longitude == -180)
            : west == -180 ? reports.Where(r => (r.Longitude >= west && r.Longitude <= east) || r.Longitude == 180)
            : reports.Where(r => r.Longitude >= west && r.Longitude <= east);
    }
}
