using FixIt.Application.Common.Tokens;
using FixIt.Domain.Reports;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Features.EmailLinks;

/// <summary>The antiforgery field a link page's form carries.</summary>
public sealed record FormToken(string FieldName, string Value);

/// <summary>Pages shared by every emailed link: the problem pages and the form token.</summary>
internal static class LinkPages
{
    public static FormToken FormTokenFor(IAntiforgery antiforgery, HttpContext context)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new FormToken(tokens.FormFieldName, tokens.RequestToken!);
    }

    public static RazorComponentResult<LinkProblemPage> Problem(LinkTokenException ex) => ex.Problem switch
    {
        LinkTokenProblem.Unknown => Page("Link not found", "This link is not valid. Check that you copied the whole address from the email.", StatusCodes.Status404NotFound),
        LinkTokenProblem.Expired => Page("Link expired", "This link has expired.", StatusCodes.Status410Gone),
        LinkTokenProblem.Used => Page("Link already used", "This link has already been used; it works only once.", StatusCodes.Status410Gone),
        _ => Page("Link withdrawn", "This link no longer works: the report has gone to another organisation.", StatusCodes.Status410Gone),
    };

    public static RazorComponentResult<LinkProblemPage> NotAllowed(InvalidTransitionException ex) =>
        Page("Not possible now", $"That change cannot be made: {ex.Message} Nothing was changed.", StatusCodes.Status409Conflict, ex.ReportId);

    public static RazorComponentResult<LinkProblemPage> FormExpired() =>
        Page("Form expired", "The form could not be checked (it may have expired). Open the link from the email again. Nothing was changed.",
            StatusCodes.Status400BadRequest);

    public static RazorComponentResult<LinkProblemPage> Page(string title, string message, int status, int? reportId = null) =>
        new(new { Title = title, Message = message, ReportId = reportId }) { StatusCode = status };

    /// <summary>A POST without a valid antiforgery token changes nothing; nor does a form that cannot be read (a %00 in a field).</summary>
    public static async Task<bool> FormIsGenuineAsync(IAntiforgery antiforgery, HttpContext context)
    {
        try
        {
            return context.Request.HasFormContentType && await antiforgery.IsRequestValidAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }
}
