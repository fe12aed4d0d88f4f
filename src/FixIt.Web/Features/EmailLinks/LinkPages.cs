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

    // A status change is worded here from its two statuses, so it reads in the page's language. Any other refusal
    // carries the Domain's own explanation (why, and what to do instead), which is English.
    public static RazorComponentResult<LinkProblemPage> NotAllowed(InvalidTransitionException ex) => ex.To is { } to
        ? Page("Not possible now", "That change cannot be made: a report that is “{0}” cannot become “{1}”. Nothing was changed.",
            StatusCodes.Status409Conflict, ex.ReportId, [StatusWord(ex.From), StatusWord(to)])
        : Page("Not possible now", "That change cannot be made: {0} Nothing was changed.", StatusCodes.Status409Conflict, ex.ReportId, [ex.Message]);

    public static RazorComponentResult<LinkProblemPage> FormExpired() =>
        Page("Form expired", "The form could not be checked (it may have expired). Open the link from the email again. Nothing was changed.",
            StatusCodes.Status400BadRequest);

    /// <summary>
    /// A link page. <paramref name="title"/> and <paramref name="message"/> are English, the keys of their words in
    /// <see cref="LinkPageText"/> (or <see cref="Components.SharedText"/>); <paramref name="arguments"/> fill the
    /// message's format items ({0}) after it is looked up. An argument that is itself English interface text is passed
    /// as a <see cref="LinkPageWord"/>, looked up too.
    /// </summary>
    public static RazorComponentResult<LinkProblemPage> Page(string title, string message, int status, int? reportId = null,
        IReadOnlyList<object>? arguments = null) =>
        new(new { Title = title, Message = message, ReportId = reportId, Arguments = arguments ?? Array.Empty<object>() }) { StatusCode = status };

    private static LinkPageWord StatusWord(ReportStatus status) => new(ReportStatusWording.Of(status));

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

/// <summary>A word in English given to a link page's message (a status), shown in the reader's language.</summary>
internal sealed record LinkPageWord(string English);
