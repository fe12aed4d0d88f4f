using FixIt.Application.Common;
using FixIt.Application.Features.Alerts;
using FixIt.Application.Features.Areas.ListAreaChoices;
using FixIt.Application.Features.Operators.FindOperator;
using FixIt.Application.Features.Reports.GetReport;
using FixIt.Application.Features.Reports.SearchReports;
using FixIt.Domain.Alerts;
using FixIt.Domain.Reports;
using FixIt.Domain.Spatial;
using FixIt.Web.Components;
using FixIt.Web.Components.Shared;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Features.Feeds;

/// <summary>Atom feeds: new reports in an area or for an operator, and the updates on one report.</summary>
internal static class FeedsEndpoints
{
    private const int FeedLength = 50;

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/feeds").WithTags("Feeds");
        group.MapGet("/areas/{id:int}.atom", AreaFeed).WithName(nameof(AreaFeed)).WithSummary("New public reports in an area (Atom)");
        group.MapGet("/operators/{slug}.atom", OperatorFeed).WithName(nameof(OperatorFeed)).WithSummary("New public reports for an operator (Atom)");
        group.MapGet("/nearby.atom", NearbyFeed).WithName(nameof(NearbyFeed))
            .WithSummary("New public reports within a radius (50 m to 20 km) of a point (Atom)");
        group.MapGet("/reports/{id:int}.atom", ReportFeed).WithName(nameof(ReportFeed)).WithSummary("Updates on one report (Atom)");
        return app;
    }

    public static async Task<IResult> AreaFeed(int id, IMediator mediator, IOptions<SiteOptions> site, TimeProvider clock, IStringLocalizer<FeedText> t,
        IStringLocalizer<SharedText> words, CancellationToken cancellationToken)
    {
        var area = (await mediator.Send(new ListAreaChoicesQuery(), cancellationToken)).FirstOrDefault(a => a.Id == id);
        if (area is null)
        {
            return TypedResults.NotFound();
        }

        var reports = await mediator.Send(new SearchReportsQuery(null, null, null, null, id, null, FeedLength), cancellationToken);
        return Feed(site.Value, $"areas/{id}", t["Area", area.Name], $"/map?area={id}&status=all", reports.Items, clock, t, null, words);
    }

    public static async Task<IResult> OperatorFeed(string slug, IMediator mediator, IOptions<SiteOptions> site, TimeProvider clock, IStringLocalizer<FeedText> t,
        IStringLocalizer<SharedText> words, CancellationToken cancellationToken)
    {
        var op = await mediator.Send(new FindOperatorQuery(slug), cancellationToken);
        var reports = await mediator.Send(new SearchReportsQuery(null, null, null, slug, null, null, FeedLength), cancellationToken);
        return Feed(site.Value, $"operators/{slug}", t["Operator", op.Operator.Name], $"/operators/{slug}", reports.Items, clock, t, null, words);
    }

    /// <summary>The feed an alert for a point links to: the newest reports inside the circle.</summary>
    public static async Task<IResult> NearbyFeed(double? latitude, double? longitude, int? radius, IMediator mediator, IOptions<SiteOptions> site,
        TimeProvider clock, IStringLocalizer<FeedText> t, IStringLocalizer<SharedText> words, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (latitude is not (>= -90 and <= 90))
        {
            errors["latitude"] = [ValidationText.Get("LatitudeRange")];
        }

        if (longitude is not (>= -180 and <= 180))
        {
            errors["longitude"] = [ValidationText.Get("LongitudeRange")];
        }

        if (radius is not (>= AreaAlert.MinRadiusMetres and <= AreaAlert.MaxRadiusMetres))
        {
            errors["radius"] = [t["Radius", AreaAlert.MinRadiusMetres, AreaAlert.MaxRadiusMetres]];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (lat, lon, r) = (latitude!.Value, longitude!.Value, radius!.Value);
        var dLat = r / 110_574.0;
        var dLon = Math.Min(180, r / (110_574.0 * Math.Max(0.01, Math.Cos(Math.Min(89.9, Math.Abs(lat) + dLat) * Math.PI / 180))));
        var box = new BoundingBox(GeoBox.WrapLongitude(lon - dLon), Math.Max(-90, lat - dLat), GeoBox.WrapLongitude(lon + dLon), Math.Min(90, lat + dLat));
        var inBox = await mediator.Send(new SearchReportsQuery(box, null, null, null, null, null, SearchReportsQuery.MaxLimit), cancellationToken);
        var reports = inBox.Items.Where(s => AlertIndex.DistanceMetres(lat, lon, s.Latitude, s.Longitude) <= r)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Take(FeedLength).ToList();
        var around = r >= 1000 ? t["WithinKm", r / 1000.0, lat, lon] : t["WithinMetres", r, lat, lon];
        return Feed(site.Value, "nearby", t["Nearby", around],
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/alerts?lat={lat}&lon={lon}&radius={r}"), reports, clock, t,
            AlertViews.FeedPath(null, lat, lon, r), words);
    }

    public static async Task<IResult> ReportFeed(int id, IMediator mediator, IOptions<SiteOptions> site, IStringLocalizer<FeedText> t,
        IStringLocalizer<SharedText> words, CancellationToken cancellationToken)
    {
        // The feed of one report is its page in another form: it exists exactly when the page does.
        var report = await mediator.Send(new GetReportQuery(id), cancellationToken);
        var entries = report.Events.Select((e, i) => new AtomEntry(
                $"{site.Value.ReportUrl(id)}#event-{i + 1}",
                // Worded as the report page words them: status and event words, FixIt's own sentences and the
                // plain routing explanation in the reader's language; actors' names and people's words as written.
                $"{words[e.Actor]}: {(e.ToStatus is { } to ? StatusText.Of(to, words) : t[$"Kind.{e.Kind}"])}",
                site.Value.ReportUrl(id),
                e.At,
                e.Text is null ? "" : e.Kind is ReportEventKind.Routed or ReportEventKind.Rerouted ? RoutingText.Plain(e.Text, words) : TimelineText.Of(e.Text, words)))
            .Reverse()
            .ToList();
        var self = site.Value.Url($"feeds/reports/{id}.atom");
        return TypedResults.Bytes(AtomFeed.Write(self, t["Report", report.Title], self, site.Value.ReportUrl(id), entries, report.UpdatedAt),
            AtomFeed.ContentType);
    }

    private static FileContentHttpResult Feed(SiteOptions site, string path, string title, string alternate, IReadOnlyList<ReportSummary> reports, TimeProvider clock,
        IStringLocalizer t, string? selfPath, IStringLocalizer<SharedText> words)
    {
        var entries = reports.Select(r => new AtomEntry(site.ReportUrl(r.Id), r.Title, site.ReportUrl(r.Id), r.CreatedAt,
            $"{r.CategoryName} — {StatusText.Of(r.Status, words)}{(r.OperatorName is { } o ? t["SentTo", o] : "")}")).ToList();
        var self = site.Url(selfPath ?? $"feeds/{path}.atom");
        return TypedResults.Bytes(AtomFeed.Write(self, title, self, site.Url(alternate), entries, clock.GetUtcNow()), AtomFeed.ContentType);
    }
}
