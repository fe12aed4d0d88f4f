using FixIt.Web.Components.Pages;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Features.Open311;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Infrastructure;

/// <summary>
/// The body of an answer that has only a status (no route for the address, a method the route does not take, a bare
/// 400 or 401), in the request's language: a page for a browser (the not-found page for a 404), an Open311 error
/// document under /open311, problem details for everything else (the JSON API, scripts). A HEAD gets no body, and a
/// browser's request for a picture, a script or a stylesheet that is not there gets the small problem document, never
/// a rendered page (ADR 0214).
/// </summary>
internal static class StatusCodeAnswers
{
    public static IApplicationBuilder UseFixItStatusCodePages(this IApplicationBuilder app) => app.UseStatusCodePages(AnswerAsync);

    /// <summary>
    /// A request from a person's browser to one of the site's pages (not /api, not Open311): a form post, or a request
    /// whose most preferred type is HTML. Such a request is answered with a page; programs keep their documents.
    /// </summary>
    public static bool FromBrowser(HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/open311", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var preferred = request.GetTypedHeaders().Accept.OrderByDescending(a => a.Quality ?? 1).FirstOrDefault();
        return request.HasFormContentType || preferred?.MediaType.Value is "text/html";
    }

    private static async Task AnswerAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        var request = context.Request;
        var code = context.Response.StatusCode;
        if (HttpMethods.IsHead(request.Method))
        {
            return;
        }

        if (request.Path.StartsWithSegments("/open311", StringComparison.OrdinalIgnoreCase))
        {
            var words = context.RequestServices.GetRequiredService<IStringLocalizer<Open311Text>>();
            var format = request.Path.Value!.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? "xml" : "json";
            var description = code switch
            {
                StatusCodes.Status404NotFound => words["NothingHere"].Value,
                StatusCodes.Status405MethodNotAllowed => words["MethodNotAllowed", request.Method].Value,
                _ => words["StatusOnly", code].Value,
            };
            await new Open311Result(Open311Documents.Errors(code, [description]), format, code).ExecuteAsync(context);
            return;
        }

        if (FromBrowser(request))
        {
            await PageFor(code).ExecuteAsync(context);
            return;
        }

        var text = context.RequestServices.GetRequiredService<IStringLocalizer<ApiText>>();
        var problem = new ProblemDetails { Status = code };
        if (code == StatusCodes.Status404NotFound)
        {
            problem.Title = text["Not found."];
            problem.Detail = text["There is nothing at this address."];
        }
        else if (code == StatusCodes.Status405MethodNotAllowed)
        {
            problem.Title = text["Method not allowed."];
            problem.Detail = text["This address does not accept {0} requests.", request.Method];
        }

        // Writes nothing when the client takes no JSON (an image request that accepts only images): the status says it.
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    private static IResult PageFor(int code) => code switch
    {
        StatusCodes.Status404NotFound => new RazorComponentResult<NotFoundPage> { StatusCode = code },
        StatusCodes.Status405MethodNotAllowed => LinkPages.Page("Not possible here",
            "This address does not take that kind of request. Go back and use the page’s links and buttons.", code),
        StatusCodes.Status400BadRequest or StatusCodes.Status415UnsupportedMediaType => LinkPages.Page("Not understood",
            "The request could not be read. Go back, reload the page and try again.", code),
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => LinkPages.Page("Not allowed", "You may not open this page.", code),
        StatusCodes.Status413PayloadTooLarge => LinkPages.Page("Too large", "What you sent is larger than this page accepts.", code),
        >= 500 => LinkPages.Page("Something went wrong", "The page could not be shown (error {0}). Please try again in a moment.", code,
            arguments: [code]),
        _ => LinkPages.Page("Not possible", "The request could not be answered (error {0}).", code, arguments: [code]),
    };
}
