using System.Globalization;
using System.Security.Claims;
using FixIt.Domain.Moderation;
using FixIt.Web.Infrastructure;

namespace FixIt.Web.Features.Moderation;

/// <summary>
/// The caller of a staff action as the audit log names it: a signed-in staff account (its id, and its email as the
/// name), or an admin API key (its name is its id).
/// </summary>
internal static class StaffActors
{
    public static StaffActor From(ClaimsPrincipal user)
    {
        var name = user.FindFirstValue(ClaimTypes.Name) ?? user.FindFirstValue(ClaimTypes.Email) ?? "unknown";
        return StaffAuthentication.Caller(user) is { } staff
            ? new StaffActor(StaffActorKind.StaffUser, staff.StaffUserId.ToString(CultureInfo.InvariantCulture), name)
            : new StaffActor(StaffActorKind.ApiKey, name, name);
    }
}
