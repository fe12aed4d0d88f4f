using FixIt.Application.Features.EmailLinks.CheckLink;
using FixIt.Application.Features.Reports.AddUpdate;
using FixIt.Application.Features.Reports.GetReport;
using FixIt.Domain.Messaging;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Features.Reports.GetReport;
using FixIt.Web.Features.Reports.SubmitReport;
using FixIt.Web.Infrastructure;
using FixIt.Web.Infrastructure.RateLimiting;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Features.Reports.AddUpdate;

/// <summary>
/// Residents' updates on the web: "add an update" on a report page (asks for the emailed link), and the link's form
/// (words and up to three photos). Plain POST forms with the antiforgery field and the honeypot; they work without JavaScript.
/// </summary>
internal static class UpdateEndpoints
{
    private const string CheckYourEmail =
        "If this address is the reporter's, or follows this report, we have sent it an email with a link to write your update. "
        + "To follow a report first, use \"Email me updates\" on its page.";

    public static IEndpointRouteBuilder MapUpdatePages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").WithHtmlErrorPages();
        pages.MapPost("/reports/{id:int}/update-link", RequestUpdateLink).WithName(nameof(RequestUpdateLink)).ExcludeFromDescription()
            .RequireRateLimiting(RateLimitPolicies.Update);
        pages.MapGet("/update/{token}", UpdatePage).WithName(nameof(UpdatePage)).ExcludeFromDescription();
        pages.MapPost("/update/{token}", AddUpdate).WithName(nameof(AddUpdate)).ExcludeFromDescription()
            .RequireRateLimiting(RateLimitPolicies.Update);
        return app;
    }

    // The same answer whether or not the address may add an update: only its owner's mailbox learns that.
    public static async Task<IResult> RequestUpdateLink(int id, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.Page("Form expired", "The form could not be checked (it may have expired). Go back, reload the page and try again.",
                StatusCodes.Status400BadRequest, id);
        }

        if (Honeypot.Caught(context.Request.Form, context))
        {
            return LinkPages.Page("Check your email", CheckYourEmail, StatusCodes.Status200OK, id);
        }

        var email = context.Request.Form["email"].ToString().Trim();
        try
        {
            await mediator.Send(new RequestUpdateLinkCommand(id, email), cancellationToken);
            return LinkPages.Page("Check your email", CheckYourEmail, StatusCodes.Status200OK, id);
        }
        catch (ValidationException ex)
        {
            var report = await mediator.Send(new GetReportQuery(id), cancellationToken);
            return new RazorComponentResult<UpdateLinkFormPage>(new
            {
                Report = report, Form = LinkPages.FormTokenFor(antiforgery, context), Email = email,
                Error = string.Join(" ", ex.Errors.Select(e => e.ErrorMessage).Distinct()),
            })
            { StatusCode = StatusCodes.Status400BadRequest };
        }
    }

    public static async Task<IResult> UpdatePage(string token, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken)
    {
        var report = await ReportForAsync(token, mediator, cancellationToken);
        return new RazorComponentResult<UpdateFormPage>(new { Report = report, Form = LinkPages.FormTokenFor(antiforgery, context) });
    }

    public static async Task<IResult> AddUpdate(string token, IMediator mediator, IAntiforgery antiforgery, ReportNoticeCookie notices,
        HttpContext context, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var form = context.Request.Form;
        if (Honeypot.Caught(form, context))
        {
            return LinkPages.Page("Thank you", "Your update has been received.", StatusCodes.Status200OK);
        }

        var text = form["text"].ToString();
        var errors = new Dictionary<string, string[]>();
        var files = form.Files.GetFiles("photos");
        var photos = await PhotoUploads.ReadAsync(files, errors, cancellationToken);
        if (errors.Count == 0)
        {
            try
            {
                var added = await mediator.Send(new AddUpdateCommand(token, text) { Photos = photos }, cancellationToken);
                // "Your update is on the page" for this browser only, once (a query string anyone could type would say it to anyone).
                notices.Set(context, added.ReportId, ReportNotice.Updated);
                return TypedResults.Redirect($"/reports/{added.ReportId}#event-{added.EventId}", preserveMethod: false);
            }
            catch (ValidationException ex)
            {
                ReportFormErrors.Add(ex, errors);
            }
        }

        var report = await ReportForAsync(token, mediator, cancellationToken);
        return new RazorComponentResult<UpdateFormPage>(new
        {
            Report = report, Form = LinkPages.FormTokenFor(antiforgery, context), Text = text, Errors = errors,
        })
        { StatusCode = StatusCodes.Status400BadRequest };
    }

    private static async Task<ReportView> ReportForAsync(string token, IMediator mediator, CancellationToken cancellationToken)
    {
        var reportId = await mediator.Send(new CheckLinkQuery(token, TokenPurpose.Update), cancellationToken);
        return await mediator.Send(new GetReportQuery(reportId), cancellationToken);
    }
}
