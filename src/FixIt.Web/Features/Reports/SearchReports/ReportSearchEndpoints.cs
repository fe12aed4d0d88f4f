using FixIt.Application.Common;
using FixIt.Application.Features.Reports.NearbyReports;
using FixIt.Application.Features.Reports.SearchReports;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Features.Reports.SearchReports;

/// <summary>Read-only report lists for maps: the bbox API and "is it one of these?".</summary>
internal static class ReportSearchEndpoints
{
    public static IEndpointRouteBuilder MapReportSearchApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Reports");
        group.MapGet("/", SearchReports)
            .WithName(nameof(SearchReports))
            .WithSummary("Public reports inside a bounding box, as a GeoJSON FeatureCollection")
            .WithDescription("bbox is minLon,minLat,maxLon,maxLat (GeoJSON order). status: open (default), fixed, closed or all. "
                + "category: a category code; operator: an operator slug; area: an area id; age: at most this many days old. "
                + "At most `limit` features (default 200, up to 1000); `next` is the address of the following page.")
            .Produces<ReportFeatureCollection>(StatusCodes.Status200OK, ReportsGeoJson.ContentType)
            .ProducesValidationProblem();
        group.MapGet("/nearby", NearbyReports)
            .WithName(nameof(NearbyReports))
            .WithSummary("Open reports within 250 m of a point, nearest first (of one category when given)")
            .ProducesValidationProblem();
        return app;
    }

    public static async Task<Results<JsonHttpResult<ReportFeatureCollection>, ValidationProblem>> SearchReports(
        string? bbox, string? status, string? category, string? @operator, int? area, int? age, int? limit, int? offset,
        IMediator mediator, IOptions<SiteOptions> site, HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var box = string.IsNullOrWhiteSpace(bbox) ? null : ReportsGeoJson.ParseBox(bbox);
        if (box is null)
        {
            errors["bbox"] = ["bbox is required as minLon,minLat,maxLon,maxLat, e.g. bbox=-1.60,53.77,-1.48,53.83."];
        }

        // Unresolved reports unless asked otherwise: the map is of what still needs doing.
        if (!ReportsGeoJson.TryParseStatusType(status ?? "open", out var statusType))
        {
            errors["status"] = ["status must be open, fixed, closed or all."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = new SearchReportsQuery(box, statusType, category, @operator, area, age,
            limit ?? SearchReportsQuery.DefaultLimit, offset ?? 0);
        var result = await mediator.Send(query, cancellationToken);
        string? next = null;
        if (result.HasMore)
        {
            var parameters = request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
            parameters["offset"] = (result.Offset + result.Limit).ToString(System.Globalization.CultureInfo.InvariantCulture);
            next = QueryHelpers.AddQueryString($"{request.PathBase}{request.Path}", parameters);
        }

        var collection = new ReportFeatureCollection("FeatureCollection",
            [box!.MinLongitude, box.MinLatitude, box.MaxLongitude, box.MaxLatitude],
            [.. result.Items.Select(r => ReportsGeoJson.Feature(r, site.Value))], result.Limit, result.Offset, next);
        return TypedResults.Json(collection, contentType: ReportsGeoJson.ContentType);
    }

    public static async Task<Ok<IReadOnlyList<NearbyReport>>> NearbyReports(double lat, double lon, string? category,
        IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new NearbyReportsQuery(lat, lon, category), cancellationToken));
}
