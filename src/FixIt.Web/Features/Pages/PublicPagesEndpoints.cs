using FixIt.Application.Common;
using FixIt.Application.Features.Categories.ListCategories;
using FixIt.Application.Features.Reports.GetReport;
using FixIt.Web.Components.Pages;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Features.Pages;

internal static class PublicPagesEndpoints
{
    public static IEndpointRouteBuilder MapPublicPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", HomePage).WithName(nameof(HomePage)).ExcludeFromDescription();
        app.MapGet("/reports/{id:int}", ReportPage).WithName(nameof(ReportPage)).ExcludeFromDescription();
        return app;
    }

    public static async Task<RazorComponentResult<HomePage>> HomePage(IMediator mediator, CancellationToken cancellationToken)
    {
        var categories = await mediator.Send(new ListCategoriesQuery(), cancellationToken);
        return new RazorComponentResult<HomePage>(new { Categories = categories });
    }

    public static async Task<IResult> ReportPage(int id, IMediator mediator, CancellationToken cancellationToken)
    {
        try
        {
            var report = await mediator.Send(new GetReportQuery(id), cancellationToken);
            return new RazorComponentResult<ReportPage>(new { Report = report });
        }
        catch (NotFoundException)
        {
            return new RazorComponentResult<NotFoundPage>(new { Message = $"There is no public report number {id}." })
            {
                StatusCode = StatusCodes.Status404NotFound,
            };
        }
    }
}
