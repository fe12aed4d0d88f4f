using System.Globalization;
using FixIt.Application.Common;
using FixIt.Application.Features.Reports.SearchReports;
using FixIt.Domain.Reports;

namespace FixIt.Web.Features.Reports.SearchReports;

/// <summary>The bbox API's answer: a GeoJSON FeatureCollection (RFC 7946) with paging members beside it.</summary>
internal sealed record ReportFeatureCollection(
    string Type,
    double[]? Bbox,
    IReadOnlyList<ReportFeature> Features,
    int Limit,
    int Offset,
    string? Next);

internal sealed record ReportFeature(string Type, int Id, PointGeometry Geometry, ReportFeatureProperties Properties);

internal sealed record PointGeometry(string Type, double[] Coordinates);

internal sealed record ReportFeatureProperties(int Id, string Title, string Category, string CategoryName, ReportStatus Status,
    StatusType StatusType, DateTimeOffset Created, string? Operator, string Url);

internal static class ReportsGeoJson
{
    public const string ContentType = "application/geo+json";

    /// <summary>A report as a GeoJSON Feature; its <c>url</c> is the public page's absolute address on Site:PublicBaseUrl.</summary>
    public static ReportFeature Feature(ReportSummary r, SiteOptions site) =>
        new("Feature", r.Id, new PointGeometry("Point", [r.Longitude, r.Latitude]),
            new ReportFeatureProperties(r.Id, r.Title, r.CategoryCode, r.CategoryName, r.Status, r.StatusType, r.CreatedAt, r.OperatorName,
                site.ReportUrl(r.Id)));

    /// <summary>Parses "minLon,minLat,maxLon,maxLat"; null when it is not four numbers.</summary>
    public static BoundingBox? ParseBox(string text)
    {
        var parts = text.Split(',');
        if (parts.Length != 4)
        {
            return null;
        }

        var numbers = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return new BoundingBox(numbers[0], numbers[1], numbers[2], numbers[3]);
    }

    /// <summary>"open", "fixed", "closed" or "all"/empty (every public status); null when unknown.</summary>
    public static bool TryParseStatusType(string? text, out StatusType? type)
    {
        type = null;
        if (string.IsNullOrEmpty(text) || text.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (Enum.TryParse<StatusType>(text, ignoreCase: true, out var parsed) && ReportStatusRules.IsPublic(parsed) && !int.TryParse(text, out _))
        {
            type = parsed;
            return true;
        }

        return false;
    }
}
