using System.Security.Claims;
using FixIt.Application.Features.Moderation.DismissFlags;
using FixIt.Application.Features.Moderation.ListFlags;
using FixIt.Web.Features.Admin;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Features.Moderation.ListFlags;

/// <summary>The moderation queue on the admin API, for machines (an admin key) and staff sessions: list, and dismiss an item's flags.</summary>
internal static class FlagsApiEndpoints
{
    public static RouteGroupBuilder MapFlagsApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/flags", ListFlags).ModeratorsOnly().WithTags("Admin: moderation").WithName(nameof(ListFlags))
            .WithSummary("Reports and updates residents flagged as inappropriate, most-flagged first, with counts and reasons");
        admin.MapPost("/reports/{id:int}/flags/dismiss", DismissReportFlags).ModeratorsOnly().WithTags("Admin: moderation")
            .WithName(nameof(DismissReportFlags)).WithSummary("Dismiss a report's open flags: it leaves the queue as it is")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/reports/{id:int}/updates/{updateId:long}/flags/dismiss", DismissUpdateFlags).ModeratorsOnly().WithTags("Admin: moderation")
            .WithName(nameof(DismissUpdateFlags)).WithSummary("Dismiss an update's open flags: it leaves the queue as it is")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return admin;
    }

    public static async Task<Ok<FlagQueue>> ListFlags(int? limit, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListFlagsQuery(limit ?? 100), cancellationToken));

    public static async Task<Ok<DismissedFlags>> DismissReportFlags(int id, ReasonRequest? body, ClaimsPrincipal user, IMediator mediator,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new DismissFlagsCommand(id, null, body?.Reason, StaffActors.From(user)), cancellationToken));

    public static async Task<Ok<DismissedFlags>> DismissUpdateFlags(int id, long updateId, ReasonRequest? body, ClaimsPrincipal user,
        IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new DismissFlagsCommand(id, updateId, body?.Reason, StaffActors.From(user)), cancellationToken));
}
