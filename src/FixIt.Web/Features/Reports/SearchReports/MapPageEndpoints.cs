using FixIt.Application.Features.Areas.ListAreaChoices;
using FixIt.Application.Features.Categories.ListCategories;
using FixIt.Application.Features.Operators.ListOperatorChoices;
using FixIt.Application.Features.Reports.SearchReports;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Features.Reports.SearchReports;

internal static class MapPageEndpoints
{
    /// <summary>Reports listed on the page as served; the map's script then lists what is in view.</summary>
    private const int ListLength = 50;

    public static IEndpointRouteBuilder MapMapPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/map", MapPage).WithName(nameof(MapPage)).ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> MapPage(string? status, string? category, string? @operator, string? area, string? age,
        IMediator mediator, IOptions<MapOptions> map, CancellationToken cancellationToken)
    {
        // Empty select values arrive as "": treat them as "no filter", never as a bad request.
        var filters = new MapFilters(string.IsNullOrEmpty(status) ? "open" : status, Empty(category), Empty(@operator),
            int.TryParse(area, out var a) ? a : null, int.TryParse(age, out var d) && d > 0 ? d : null);
        var areas = await mediator.Send(new ListAreaChoicesQuery(), cancellationToken);
        var result = await mediator.Send(new SearchReportsQuery(null, filters.StatusType, filters.Category, filters.Operator, filters.Area,
            filters.Age, ListLength)
        { CountAll = true }, cancellationToken);

        return new RazorComponentResult<MapPage>(new
        {
            Filters = filters,
            Reports = result,
            Categories = await mediator.Send(new ListCategoriesQuery(), cancellationToken),
            Operators = await mediator.Send(new ListOperatorChoicesQuery(), cancellationToken),
            Areas = areas,
            Map = map.Value,
        });
    }

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
