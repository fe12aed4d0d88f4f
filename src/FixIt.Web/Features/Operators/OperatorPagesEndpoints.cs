using FixIt.Application.Common;
using FixIt.Application.Features.Operators.ExportOperatorReports;
using FixIt.Application.Features.Operators.FindOperator;
using FixIt.Application.Features.Operators.GetOperatorFigures;
using FixIt.Application.Features.Operators.ListOperatorLeague;
using FixIt.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Features.Operators;

/// <summary>The league table, each operator's page, its areas and its exports.</summary>
internal static class OperatorPagesEndpoints
{
    public static IEndpointRouteBuilder MapOperatorPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/operators", OperatorsPage).WithName(nameof(OperatorsPage)).ExcludeFromDescription();
        app.MapGet("/operators/{slug}", OperatorPage).WithName(nameof(OperatorPage)).ExcludeFromDescription().WithHtmlErrorPages();
        var exports = app.MapGroup("/operators/{slug}").WithTags("Exports");
        exports.MapGet("/areas.geojson", OperatorAreas).WithName(nameof(OperatorAreas))
            .WithSummary("The areas an operator's rules cover, simplified for drawing");
        exports.MapGet("/reports.csv", ExportCsv).WithName(nameof(ExportCsv))
            .WithSummary("An operator's public reports as CSV (no personal data), in pages: limit, after; Link rel=next");
        exports.MapGet("/reports.geojson", ExportGeoJson).WithName(nameof(ExportGeoJson))
            .WithSummary("An operator's public reports as GeoJSON (no personal data), in pages: limit, after; Link rel=next");
        return app;
    }

    public static async Task<IResult> OperatorsPage(IMediator mediator, CancellationToken cancellationToken) =>
        new RazorComponentResult<OperatorsPage>(new { Rows = await mediator.Send(new ListOperatorLeagueQuery(), cancellationToken) });

    public static async Task<IResult> OperatorPage(string slug, IMediator mediator, IOptions<MapOptions> map, CancellationToken cancellationToken)
    {
        var figures = await mediator.Send(new GetOperatorFiguresQuery(slug), cancellationToken);
        return new RazorComponentResult<OperatorPage>(new { Figures = figures, Map = map.Value });
    }

    public static async Task<IResult> OperatorAreas(string slug, IMediator mediator, CancellationToken cancellationToken)
    {
        var op = await mediator.Send(new FindOperatorQuery(slug), cancellationToken);
        return TypedResults.Bytes(AreasGeoJson.Write(op.Areas), "application/geo+json");
    }

    public static async Task<IResult> ExportCsv(string slug, IMediator mediator, IOptions<SiteOptions> site, IOptions<ExportOptions> exports,
        HttpContext context, CancellationToken cancellationToken)
    {
        if (!ExportPaging.TryRead(context.Request, exports.Value.MaxRows, out var paging, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var op = await mediator.Send(new FindOperatorQuery(slug), cancellationToken);
        await paging.LinkNextAsync(mediator, op.Operator.Id, context, site.Value, cancellationToken);
        var rows = mediator.CreateStream(new ExportOperatorReportsQuery(op.Operator.Id, paging.After, paging.Limit), cancellationToken);
        return TypedResults.Stream(body => ReportExports.WriteCsvAsync(body, rows, site.Value.ReportUrl, cancellationToken),
            "text/csv; charset=utf-8", $"{slug}-reports.csv");
    }

    public static async Task<IResult> ExportGeoJson(string slug, IMediator mediator, IOptions<SiteOptions> site, IOptions<ExportOptions> exports,
        HttpContext context, CancellationToken cancellationToken)
    {
        if (!ExportPaging.TryRead(context.Request, exports.Value.MaxRows, out var paging, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var op = await mediator.Send(new FindOperatorQuery(slug), cancellationToken);
        var next = await paging.LinkNextAsync(mediator, op.Operator.Id, context, site.Value, cancellationToken);
        var rows = mediator.CreateStream(new ExportOperatorReportsQuery(op.Operator.Id, paging.After, paging.Limit), cancellationToken);
        return TypedResults.Stream(body => ReportExports.WriteGeoJsonAsync(body, rows, site.Value.ReportUrl, next, cancellationToken),
            "application/geo+json", $"{slug}-reports.geojson");
    }
}
