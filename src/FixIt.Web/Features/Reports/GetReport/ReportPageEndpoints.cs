using FixIt.Application.Common;
using FixIt.Application.Features.Reports.GetReport;
using FixIt.Application.Features.Reports.ListReportPhotos;
using FixIt.Application.Features.Reports.StaffRespond;
using FixIt.Web.Components.Pages;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Features.Reports.PendingReport;
using FixIt.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Features.Reports.GetReport;

/// <summary>The page of one report, /reports/{id}: public, or (through the submitter's cookie) awaiting confirmation.</summary>
internal static class ReportPageEndpoints
{
    public static IEndpointRouteBuilder MapReportPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/{id:int}", ReportPage).WithName(nameof(ReportPage)).ExcludeFromDescription().WithHtmlErrorPages();
        return app;
    }

    public static async Task<IResult> ReportPage(int id, IMediator mediator, IOptions<MapOptions> map, IAntiforgery antiforgery,
        PendingReportsCookie pending, ReportNoticeCookie notices, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var notice = notices.Take(context, id);
        try
        {
            var caller = StaffAuthentication.Caller(context.User);
            ReportView report;
            try
            {
                report = await mediator.Send(new GetReportQuery(id), cancellationToken);
            }
            catch (ReportRemovedException) when (caller?.ActsForEveryOperator == true)
            {
                // Admins and moderators get the same 410 page, with the form to bring it back.
                return new RazorComponentResult<ReportRemovedPage>(new { ReportId = id, Form = LinkPages.FormTokenFor(antiforgery, context) })
                {
                    StatusCode = StatusCodes.Status410Gone,
                };
            }

            var photos = await mediator.Send(new ListReportPhotosQuery(id), cancellationToken);
            var staff = caller is not null ? await mediator.Send(new StaffPanelQuery(id, caller), cancellationToken) : null;
            return new RazorComponentResult<ReportPage>(new
            {
                Report = report, Photos = photos, Map = map.Value, Submitted = notice == ReportNotice.Submitted,
                Confirmed = notice == ReportNotice.Confirmed, Updated = notice == ReportNotice.Updated,
                Form = LinkPages.FormTokenFor(antiforgery, context), Now = clock.GetUtcNow(), Staff = staff,
                Moderator = caller?.ActsForEveryOperator == true,
            });
        }
        catch (NotFoundException) when (pending.TokenFor(context, id) is { } token)
        {
            // Not public: only the browser that submitted it (through the web form) sees it here.
            return await PendingReportEndpoints.RenderAsync(id, token, notice == ReportNotice.Submitted, resent: false, mediator, map.Value, antiforgery, context,
                cancellationToken);
        }
    }
}
