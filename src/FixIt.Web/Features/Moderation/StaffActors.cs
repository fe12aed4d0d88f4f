using System.Security.Claims;
using FixIt.Domain.Moderation;

namespace FixIt.Web.Features.Moderation;

/// <summary>The caller of a staff action as the audit log names it; today an admin API key (its name is its id).</summary>
internal static class StaffActors
{
    public static StaffActor From(ClaimsPrincipal user)
    {
        var name = user.FindFirstValue(ClaimTypes.Name) ?? "unknown";
        return new StaffActor(StaffActorKind.ApiKey, name, name);
    }
}
