using FixIt.Web.Components.Layout;
using FixIt.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Features.Admin;

/// <summary>
/// /admin: the console's front door sends a signed-in staff member to the first page of the menu their role may open
/// (<see cref="AdminNav.Links"/>, the same policies as the pages), so an operator lands on the operator console and a
/// moderator on the flags. Not signed in: the sign-in page, as for every console page.
/// </summary>
internal static class ConsoleHomeEndpoints
{
    public static IEndpointRouteBuilder MapConsoleHome(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin", ConsoleFrontDoor).WithName(nameof(ConsoleFrontDoor)).ExcludeFromDescription()
            .RequireAuthorization(StaffAuthentication.StaffPolicy);
        return app;
    }

    public static async Task<RedirectHttpResult> ConsoleFrontDoor(IAuthorizationService authorization, HttpContext context) =>
        TypedResults.Redirect((await AdminNav.VisibleToAsync(authorization, context.User)).FirstOrDefault()?.Href ?? "/admin/account",
            preserveMethod: false);
}
