using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Reports.SearchReports;
using FixIt.Domain.Reports;
using FixIt.Domain.Spatial;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.NearbyReports;

/// <summary>"Is it one of these?": open reports near a point (of one category when given), nearest first.</summary>
public sealed record NearbyReportsQuery(double Latitude, double Longitude, string? CategoryCode, int RadiusMetres = NearbyReportsQuery.DefaultRadiusMetres)
    : IQuery<IReadOnlyList<NearbyReport>>
{
    public const int DefaultRadiusMetres = 250;
}

public sealed record NearbyReport(ReportSummary Report, int DistanceMetres);

internal sealed class NearbyReportsHandler(IFixItDb db, ReportSummaries summaries) : IQueryHandler<NearbyReportsQuery, IReadOnlyList<NearbyReport>>
{
    private const double MetresPerDegree = 111_320;

    public async ValueTask<IReadOnlyList<NearbyReport>> Handle(NearbyReportsQuery query, CancellationToken cancellationToken)
    {
        var radius = Math.Clamp(query.RadiusMetres, 1, 2000);
        var (lat, lon) = (query.Latitude, query.Longitude);
        var open = ReportStatusRules.StatusesOf(StatusType.Open);
        var reports = db.Reports.AsNoTracking().Where(ReportStatusRules.IsPublicReport).Where(r => open.Contains(r.Status))
            .InsideBox(Around(lat, lon, radius));

        if (!string.IsNullOrEmpty(query.CategoryCode))
        {
            var categoryId = await db.Categories.Where(c => c.Code == query.CategoryCode).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
            reports = reports.Where(r => r.CategoryId == (categoryId ?? -1));
        }

        // The box holds the circle; the exact distance is measured on the few rows it returns.
        var rows = await reports.OrderByDescending(r => r.Id).Take(200)
            .Select(r => new ReportRow(r.Id, r.Title, r.CategoryId, r.Status, r.Latitude, r.Longitude, r.CreatedAt, r.OperatorId))
            .ToListAsync(cancellationToken);
        var near = rows.Select(r => (Row: r, Distance: DistanceMetres(lat, lon, r.Latitude, r.Longitude)))
            .Where(p => p.Distance <= radius)
            .OrderBy(p => p.Distance)
            .Take(10)
            .ToList();
        var items = await summaries.ToSummariesAsync(near.Select(p => p.Row), cancellationToken);
        return [.. items.Zip(near, (s, p) => new NearbyReport(s, (int)Math.Round(p.Distance)))];
    }

    /// <summary>
    /// A box holding the circle: across the 180° meridian when the circle is, and round every longitude when it
    /// holds a pole (or comes so near one that its longitudes spread past half the world).
    /// </summary>
    public static GeoBox Around(double lat, double lon, double radiusMetres)
    {
        var dLat = radiusMetres / MetresPerDegree;
        var (south, north) = (Math.Max(-90, lat - dLat), Math.Min(90, lat + dLat));
        var cos = Math.Cos(Math.Max(Math.Abs(south), Math.Abs(north)) * Math.PI / 180);
        var dLon = cos > 0 ? radiusMetres / (MetresPerDegree * cos) : double.PositiveInfinity;
        return north >= 90 || south <= -90 || dLon >= 180
            ? new GeoBox(-180, south, 180, north)
            : new GeoBox(GeoBox.WrapLongitude(lon - dLon), south, GeoBox.WrapLongitude(lon + dLon), north);
    }

    /// <summary>Haversine distance; ample for a few hundred metres anywhere on Earth.</summary>
    public static double DistanceMetres(double lat1, double lon1, double lat2, double lon2)
    {
        const double EarthRadius = 6_371_000;
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var a = Math.Pow(Math.Sin(dLat / 2), 2)
            + Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
