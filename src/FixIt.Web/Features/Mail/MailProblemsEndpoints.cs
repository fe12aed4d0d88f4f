using FixIt.Application.Features.Mail.ListHeldMail;
using FixIt.Application.Features.Mail.ListMailProblems;
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
        return app;
    }

    public static async Task<RazorComponentResult<MailProblemsPage>> MailProblemsPage(IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken) =>
        new(new
        {
            Problems = await mediator.Send(new ListMailProblemsQuery(), cancellationToken),
            Held = await mediator.Send(new ListHeldMailQuery(), cancellationToken),
            SignOut = EmailLinks.LinkPages.FormTokenFor(antiforgery, context),
        });
}
