using System.Security.Claims;
using FixIt.Infrastructure.Staff;
using Microsoft.AspNetCore.Identity;

namespace FixIt.Web.Features.Staff.List;

/// <summary>
/// Re-authentication: the sensitive staff actions (changing a role, unblocking a sender, creating an API key) need the staff member's password
/// typed within <see cref="StaffOptions.ReauthenticationWindow"/>, at sign-in or at <c>/admin/reauthenticate</c>.
/// </summary>
internal static class RecentPassword
{
    public static async Task<bool> IsTypedAsync(UserManager<StaffUser> users, ClaimsPrincipal user, TimeProvider clock) =>
        await users.GetUserAsync(user) is { PasswordConfirmedAt: { } typed } && clock.GetUtcNow() - typed <= StaffOptions.ReauthenticationWindow;

    /// <summary>Where a page sends a staff member to type their password, coming back to <paramref name="returnPath"/>.</summary>
    public static IResult Ask(string returnPath) =>
        TypedResults.Redirect($"/admin/reauthenticate?returnUrl={Uri.EscapeDataString(returnPath)}", preserveMethod: false);
}
