using FixIt.Application.Features.Reports.AddUpdate;
using FixIt.Application.Features.Reports.GetReport;
using FixIt.Domain.Messaging;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Features.Reports.ConfirmByEmail;
using FixIt.Web.Features.Reports.GetReport;
using FixIt.Web.Features.Reports.SubmitReport;
using FixIt.Web.Infrastructure;
using FixIt.Web.Infrastructure.Localization;
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
    public static Task<IResult> RequestUpdateLink(int id, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken) =>
        ResidentLinkPages.RequestAsync<UpdateLinkFormPage>(id, email => new RequestUpdateLinkCommand(id, email) { Language = RequestLanguage.Current },
            CheckYourEmail, mediator, antiforgery, context, cancellationToken);

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

    private static Task<ReportView> ReportForAsync(string token, IMediator mediator, CancellationToken cancellationToken) =>
        ResidentLinkPages.ReportForAsync(token, TokenPurpose.Update, mediator, cancellationToken);
}
