using FixIt.Application.Common;
using FixIt.Application.Common.Tokens;
using FixIt.Application.Features.Reports.DeclineReport;
using FixIt.Domain.Reports;
using FixIt.Web.Components.Pages;
using FixIt.Web.Features.EmailLinks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Infrastructure;

/// <summary>
/// The one place where a page endpoint's failures become HTML pages (the JSON API's become problem details in
/// <see cref="ProblemDetailsExceptionHandler"/>): <see cref="NotFoundException"/> → 404 "not found" page,
/// <see cref="ReportRemovedException"/> → 410 "this report has been removed",
/// <see cref="LinkTokenException"/> → the link's problem (404 unknown, 410 expired, used or withdrawn),
/// <see cref="InvalidTransitionException"/> and <see cref="NotCurrentOperatorException"/> (a stale "not ours") → 409
/// "not possible now", linking back to the report. Endpoints throw;
/// they never catch these themselves.
/// </summary>
internal sealed class HtmlErrorPages : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (NotFoundException ex)
        {
            return NotFound(ex);
        }
        catch (ReportRemovedException)
        {
            return Removed();
        }
        catch (LinkTokenException ex)
        {
            return LinkPages.Problem(ex);
        }
        catch (InvalidTransitionException ex)
        {
            return LinkPages.NotAllowed(ex);
        }
        catch (NotCurrentOperatorException ex)
        {
            return LinkPages.Page("Not possible now",
                "The report is no longer with this organisation (it was declined or sent on meanwhile), so it was not declined again. Nothing was changed.",
                StatusCodes.Status409Conflict, ex.ReportId);
        }
        catch (OutOfScopeException)
        {
            return LinkPages.Page("Not allowed", "Your staff account may not see or change this: it is another operator's.", StatusCodes.Status403Forbidden);
        }
    }

    /// <summary>A report staff took down: 410 Gone, a short page that says no more than that.</summary>
    public static RazorComponentResult<ReportRemovedPage> Removed() => new() { StatusCode = StatusCodes.Status410Gone };

    /// <summary>The one answer for something the caller may not see, whether it is unconfirmed, hidden or does not exist.</summary>
    public static RazorComponentResult<NotFoundPage> NotFound(NotFoundException ex) =>
        new(new { ex.What, ex.Key }) { StatusCode = StatusCodes.Status404NotFound };
}

internal static class HtmlErrorPagesExtensions
{
    /// <summary>Answers this page endpoint's (or group's) not-found, bad-link and not-allowed failures with HTML pages.</summary>
    public static TBuilder WithHtmlErrorPages<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, HtmlErrorPages>();
}
