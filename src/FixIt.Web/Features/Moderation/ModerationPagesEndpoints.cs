using FixIt.Application.Features.Moderation.ListAudit;
using FixIt.Web.Features.Admin.SignIn;
using FixIt.Web.Features.EmailLinks;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Features.Moderation;

/// <summary>The moderation pages for admins signed in at /admin/sign-in: the audit log and the block list.</summary>
internal static class ModerationPagesEndpoints
{
    public static IEndpointRouteBuilder MapModerationPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/audit", AuditLogPage).WithName(nameof(AuditLogPage)).ExcludeFromDescription()
            .RequireAuthorization(AdminSignIn.PagePolicy);
        app.MapBlockedSenderPages();
        return app;
    }

    public static async Task<RazorComponentResult<AuditLogPage>> AuditLogPage(int? reportId, string? actor, string? action, int? page,
        IMediator mediator, IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken) =>
        new(new
        {
            Page = await mediator.Send(new ListAuditEntriesQuery(reportId, actor, action, Math.Max(1, page ?? 1)), cancellationToken),
            ReportId = reportId,
            Actor = actor,
            Action = action,
            SignOut = LinkPages.FormTokenFor(antiforgery, context),
        });
}
