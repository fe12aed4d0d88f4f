using FixIt.Web.Components.Pages;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FixIt.Web.Infrastructure;

/// <summary>
/// The answer while the database cannot be reached or used: 503 with Retry-After, as problem details for programs
/// and as a page for people. Nothing was stored, so trying again later is safe.
/// </summary>
internal static class DatabaseUnavailable
{
    public const string Title = "FixIt cannot store or read reports right now.";

    public const string Detail = "The database is not available. Nothing was saved; please try again in a moment.";

    public static async ValueTask<bool> WriteAsync(HttpContext httpContext, IProblemDetailsService problemDetails, Exception exception,
        int retryAfterSeconds, Microsoft.Extensions.Localization.IStringLocalizer<ApiText> text)
    {
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (WantsPage(httpContext.Request))
        {
            await new RazorComponentResult<ServiceUnavailablePage>(new { RetryAfterSeconds = retryAfterSeconds })
            {
                StatusCode = StatusCodes.Status503ServiceUnavailable,
            }.ExecuteAsync(httpContext);
            return true;
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = text[Title], Detail = text[Detail] },
            Exception = exception,
        });
    }

    private static bool WantsPage(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/open311")
        && request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));
}
