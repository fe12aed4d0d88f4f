using FixIt.Application.Abstractions;
using FixIt.Domain.Moderation;

namespace FixIt.Web.Features.Moderation;

/// <summary>
/// The audit log's actor for the configuration use cases: the signed-in staff account or admin API key of the request
/// (<see cref="StaffActors.From"/>), else the command line (a verb run on the server has no request). ADR 0208.
/// </summary>
internal sealed class RequestStaff(IHttpContextAccessor accessor) : ICurrentStaff
{
    private static readonly StaffActor CommandLine = new(StaffActorKind.CommandLine, "fixit-cli", "command line");

    public StaffActor Actor => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? StaffActors.From(user) : CommandLine;
}
