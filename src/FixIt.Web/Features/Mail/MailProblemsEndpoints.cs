using FixIt.Application.Features.Mail.ListHeldMail;
using FixIt.Application.Features.Mail.ListMailProblems;
using FixIt.Application.Features.Mail.ResendMail;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Features.Mail;

internal static class MailProblemsEndpoints
{
    /// <summary>Emails that failed or wait for a retry (recipients masked); for admins signed in at /admin/sign-in.</summary>
    public static IEndpointRouteBuilder MapMailAdmin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/mail", MailProblemsPage).WithName(nameof(MailProblemsPage)).ExcludeFromDescription()
            .RequireAuthorization(Admin.SignIn.AdminSignIn.PagePolicy);
        app.MapPost("/admin/mail/{id:long}/resend", ResendMailFromPage).WithName(nameof(ResendMailFromPage)).ExcludeFromDescription()
            .RequireAuthorization(Admin.SignIn.AdminSignIn.PagePolicy);
        return app;
    }

    public static Task<RazorComponentResult<MailProblemsPage>> MailProblemsPage(string? done, IMediator mediator, IAntiforgery antiforgery,
        HttpContext context, CancellationToken cancellationToken) =>
        Page(mediator, antiforgery, context, done == "resent" ? "The email is due again: it is sent at the dispatcher's next round." : null, null,
            StatusCodes.Status200OK, cancellationToken);

    /// <summary>"Send again": the same command as <c>POST /api/admin/mail/{id}/resend</c>.</summary>
    public static async Task<IResult> ResendMailFromPage(long id, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken)
    {
        if (!await EmailLinks.LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return EmailLinks.LinkPages.FormExpired();
        }

        try
        {
            await mediator.Send(new ResendMailCommand(id), cancellationToken);
        }
        catch (ValidationException ex)
        {
            return await Page(mediator, antiforgery, context, null, $"Email {id}: {string.Join(" ", ex.Errors.Select(e => e.ErrorMessage))}",
                StatusCodes.Status400BadRequest, cancellationToken);
        }

        return TypedResults.Redirect("/admin/mail?done=resent", preserveMethod: false);
    }

    private static async Task<RazorComponentResult<MailProblemsPage>> Page(IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        string? done, string? error, int status, CancellationToken cancellationToken) =>
        new(new
        {
            Problems = await mediator.Send(new ListMailProblemsQuery(), cancellationToken),
            Held = await mediator.Send(new ListHeldMailQuery(), cancellationToken),
            SignOut = EmailLinks.LinkPages.FormTokenFor(antiforgery, context),
            Done = done,
            Error = error,
        })
        {
            StatusCode = status,
        };
}
