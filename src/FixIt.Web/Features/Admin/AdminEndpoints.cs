using FixIt.Web.Features.Admin.Areas;
using FixIt.Web.Features.Admin.Categories;
using FixIt.Web.Features.Admin.Operators;
using FixIt.Web.Features.Admin.People;
using FixIt.Web.Features.Admin.Reports;
using FixIt.Web.Features.Admin.Rules;
using FixIt.Web.Features.Mail;
using FixIt.Web.Features.Moderation;
using FixIt.Web.Features.Moderation.ListFlags;
using FixIt.Web.Infrastructure;

namespace FixIt.Web.Features.Admin;

internal static class AdminEndpoints
{
    /// <summary>/api/admin: every route needs an API key; reads allow operator keys, writes need an admin key.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin")
            .RequireAuthorization(ApiKeyAuthenticationHandler.ReadPolicy)
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapAdminAreas();
        admin.MapAdminRules();
        admin.MapAdminOperators();
        admin.MapAdminCategories();
        admin.MapAdminReports();
        admin.MapAdminMail();
        admin.MapAdminPeople();

        // Moderation is for admins and moderators (each route says which), not the read policy above: a moderator is
        // neither an admin nor an operator, and reads nothing else of the admin API.
        var moderation = app.MapGroup("/api/admin")
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        moderation.MapModeration();
        moderation.MapBlockedSenders();
        moderation.MapFlagsApi();
        return app;
    }

    public static RouteHandlerBuilder AdminOnly(this RouteHandlerBuilder builder) =>
        builder.RequireAuthorization(ApiKeyAuthenticationHandler.AdminPolicy);

    /// <summary>Admins and moderators: a staff session in either role, or an admin API key (docs/moderation.md "Roles").</summary>
    public static RouteHandlerBuilder ModeratorsOnly(this RouteHandlerBuilder builder) =>
        builder.RequireAuthorization(StaffAuthentication.ModeratePolicy);
}
