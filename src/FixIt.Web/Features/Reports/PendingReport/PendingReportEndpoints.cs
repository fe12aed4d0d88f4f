using FixIt.Application.Common;
using FixIt.Application.Features.Reports.GetReport;
using FixIt.Application.Features.Reports.GetReportPhoto;
using FixIt.Application.Features.Reports.ListReportPhotos;
using FixIt.Application.Features.Reports.PendingReport;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Photos;
using FixIt.Web.Features.Reports.GetReport;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Infrastructure;
using FixIt.Web.Infrastructure.RateLimiting;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Features.Reports.PendingReport;

/// <summary>
/// The submitter's secret link (<see cref="ReportPaths.Pending"/>): their report while it awaits confirmation, its photos,
/// and "send the confirmation email again". A wrong token answers exactly as a report that does not exist; once the report
/// is public the link redirects to its public page.
/// </summary>
internal static class PendingReportEndpoints
{
    public static IEndpointRouteBuilder MapPendingReports(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").WithHtmlErrorPages();
        pages.MapGet("/reports/{id:int}/pending/{token}", PendingReportPage).WithName(nameof(PendingReportPage)).ExcludeFromDescription();
        app.MapGet("/reports/{id:int}/pending/{token}/photos/{key}", PendingReportPhoto).WithName(nameof(PendingReportPhoto)).ExcludeFromDescription();
        pages.MapPost("/reports/{id:int}/pending/{token}/resend", ResendConfirmation).WithName(nameof(ResendConfirmation)).ExcludeFromDescription()
            .RequireRateLimiting(RateLimitPolicies.ConfirmationResend);
        return app;
    }

    public static Task<IResult> PendingReportPage(int id, string token, string? resent, IMediator mediator, IOptions<MapOptions> map,
        IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken) =>
        RenderAsync(id, token, submitted: false, resent == "1", mediator, map.Value, antiforgery, context, cancellationToken);

    /// <summary>
    /// The page of a report its holder may see by link: a redirect to the public page once it is public, otherwise the
    /// report with its photos at secret-link addresses. Throws <see cref="NotFoundException"/> for anything else.
    /// </summary>
    public static async Task<IResult> RenderAsync(int id, string token, bool submitted, bool resent, IMediator mediator, MapOptions map,
        IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken)
    {
        var status = await mediator.Send(new OpenPendingLinkQuery(id, token), cancellationToken);
        if (ReportStatusRules.IsPublic(status))
        {
            return TypedResults.Redirect(ReportPaths.Public(id), preserveMethod: false);
        }

        var report = await mediator.Send(new GetReportQuery(id) { ShownByLink = true }, cancellationToken);
        var photos = await mediator.Send(new ListReportPhotosQuery(id) { PendingToken = token }, cancellationToken);

        // The address carries the secret: no cache keeps it, and no link or tile request passes it on as a Referer.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        context.Response.Headers["X-Robots-Tag"] = "noindex";
        return new RazorComponentResult<ReportPage>(new
        {
            Report = report, Photos = photos, Map = map, Submitted = submitted, Resent = resent,
            PendingLink = ReportPaths.Pending(id, token), Form = LinkPages.FormTokenFor(antiforgery, context),
        });
    }

    public static async Task<IResult> PendingReportPhoto(int id, string token, string key, IMediator mediator, SkiaPhotoProcessor photos,
        HttpContext context, CancellationToken cancellationToken)
    {
        if (!SkiaPhotoProcessor.IsKey(key))
        {
            return TypedResults.NotFound();
        }

        var photo = await mediator.Send(new GetReportPhotoQuery(key) { PendingLink = (id, token) }, cancellationToken);
        var path = photos.PathOf(photo.StorageKey);
        if (!File.Exists(path))
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.CacheControl = "private, no-store";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.PhysicalFile(path, photo.ContentType, enableRangeProcessing: false);
    }

    /// <summary>Queues the confirmation email again, by the same code path as submission; the page then says so.</summary>
    public static async Task<IResult> ResendConfirmation(int id, string token, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var sent = await mediator.Send(new ResendConfirmationCommand(id, token), cancellationToken);
        return TypedResults.Redirect(sent ? $"{ReportPaths.Pending(id, token)}?resent=1" : ReportPaths.Public(id), preserveMethod: false);
    }
}
