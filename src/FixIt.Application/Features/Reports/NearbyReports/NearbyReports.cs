using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Reports.SearchReports;
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
        var dLat = radius / MetresPerDegree;
        var dLon = radius / (MetresPerDegree * Math.Max(0.01, Math.Cos(query.Latitude * Math.PI / 180)));
        var (lat, lon) = (query.Latitude, query.Longitude);
        var statuses = StatusSets.Open;
        var reports = db.Reports.AsNoTracking().Where(r => statuses.Contains(r.Status)
            && r.Longitude >= lon - dLon && r.Longitude <= lon + dLon && r.Latitude >= lat - dLat && r.Latitude <= lat + dLat);

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
