using FixIt.Application.Features.EmailLinks.RespondToReport;
using FixIt.Application.Features.Reports.StaffRespond;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;

namespace FixIt.Web.Features.Reports.StaffRespond;

/// <summary>The staff panel's form on a report page: a status change or a public note, as the report's operator.</summary>
internal static class StaffRespondEndpoints
{
    public static IEndpointRouteBuilder MapStaffRespond(this IEndpointRouteBuilder app)
    {
        app.MapPost("/reports/{id:int}/staff-response", StaffRespond).WithName(nameof(StaffRespond)).ExcludeFromDescription()
            .RequireAuthorization(StaffAuthentication.StaffPolicy).WithHtmlErrorPages();
        return app;
    }

    public static async Task<IResult> StaffRespond(int id, IAntiforgery antiforgery, HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var caller = StaffAuthentication.Caller(context.User)!;
        var form = await context.Request.ReadFormAsync(cancellationToken);
        if (OperatorActions.FromSlug(form["action"]) is not { } action)
        {
            return LinkPages.Page("Nothing changed", "Choose what to do with the report.", StatusCodes.Status400BadRequest, id);
        }

        try
        {
            await mediator.Send(new StaffRespondCommand(id, caller, action, form["text"]), cancellationToken);
        }
        catch (ValidationException ex)
        {
            return LinkPages.Page("Nothing changed", string.Join(" ", ex.Errors.Select(e => e.ErrorMessage)), StatusCodes.Status400BadRequest, id);
        }

        return TypedResults.Redirect($"/reports/{id}", preserveMethod: false);
    }
}
