using System.Security.Claims;
using FixIt.Application.Features.Moderation.EditReport;
using FixIt.Application.Features.Moderation.HideReport;
using FixIt.Application.Features.Moderation.HideUpdate;
using FixIt.Application.Features.Moderation.ListAudit;
using FixIt.Application.Features.Moderation.MarkDuplicate;
using FixIt.Application.Features.Moderation.RemovePhoto;
using FixIt.Web.Features.Admin;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FixIt.Web.Features.Moderation;

/// <summary>
/// The moderation admin API (issue 14): hide and unhide reports and updates, correct a report, remove a photo, mark a
/// duplicate (admins and moderators, by staff session or admin key), and the audit log (admins only). Every action
/// takes a reason.
/// </summary>
internal static class ModerationEndpoints
{
    public static RouteGroupBuilder MapModeration(this RouteGroupBuilder admin)
    {
        var reports = admin.MapGroup("/reports").WithTags("Admin: moderation");
        reports.MapPost("/{id:int}/hide", HideReport).ModeratorsOnly().WithName(nameof(HideReport))
            .WithSummary("Take a report down: 410 Gone at its page and API, on no public list").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        reports.MapPost("/{id:int}/unhide", UnhideReport).ModeratorsOnly().WithName(nameof(UnhideReport))
            .WithSummary("Bring a hidden report back in the status it had").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        reports.MapPost("/{id:int}/updates/{updateId:long}/hide", HideUpdate).ModeratorsOnly().WithName(nameof(HideUpdate))
            .WithSummary("Take one timeline event off the timeline, feeds and Open311").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        reports.MapPost("/{id:int}/updates/{updateId:long}/unhide", UnhideUpdate).ModeratorsOnly().WithName(nameof(UnhideUpdate))
            .WithSummary("Put a hidden timeline event back").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        reports.MapPatch("/{id:int}", EditReport).ModeratorsOnly().WithName(nameof(EditReport))
            .WithSummary("Correct a report: title, description, category, pin, the reporter's name on public view").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        reports.MapDelete("/{id:int}/photos/{photoId:int}", RemovePhoto).ModeratorsOnly().WithName(nameof(RemovePhoto))
            .WithSummary("Remove one of a report's photos").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        reports.MapPost("/{id:int}/duplicate-of/{originalId:int}", MarkDuplicate).ModeratorsOnly().WithName(nameof(MarkDuplicate))
            .WithSummary("Close a report as a duplicate of another; its followers move to the original").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("/audit", ListAudit).AdminOnly().WithTags("Admin: moderation").WithName(nameof(ListAudit))
            .WithSummary("The audit log of staff actions, newest first; filter by report, actor and action").ProducesValidationProblem();
        return admin;
    }

    public static async Task<Ok<ModeratedReport>> HideReport(int id, ReasonRequest? body, ClaimsPrincipal user, IMediator mediator,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new HideReportCommand(id, true, body?.Reason, StaffActors.From(user)), cancellationToken));

    public static async Task<Ok<ModeratedReport>> UnhideReport(int id, ReasonRequest? body, ClaimsPrincipal user, IMediator mediator,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new HideReportCommand(id, false, body?.Reason, StaffActors.From(user)), cancellationToken));

    public static async Task<Ok<ModeratedUpdate>> HideUpdate(int id, long updateId, ReasonRequest? body, ClaimsPrincipal user, IMediator mediator,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new HideUpdateCommand(id, updateId, true, body?.Reason, StaffActors.From(user)), cancellationToken));

    public static async Task<Ok<ModeratedUpdate>> UnhideUpdate(int id, long updateId, ReasonRequest? body, ClaimsPrincipal user, IMediator mediator,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new HideUpdateCommand(id, updateId, false, body?.Reason, StaffActors.From(user)), cancellationToken));

    public static async Task<Ok<EditedReport>> EditReport(int id, EditReportRequest? body, ClaimsPrincipal user, IMediator mediator,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new EditReportCommand(id, body?.Reason, StaffActors.From(user))
        {
            Title = body?.Title,
            Description = body?.Description,
            CategoryCode = body?.CategoryCode,
            Latitude = body?.Latitude,
            Longitude = body?.Longitude,
            HideReporterName = body?.HideReporterName,
        }, cancellationToken));

    public static async Task<Ok<RemovedPhoto>> RemovePhoto(int id, int photoId, [FromBody] ReasonRequest? body, ClaimsPrincipal user, IMediator mediator,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new RemovePhotoCommand(id, photoId, body?.Reason, StaffActors.From(user)), cancellationToken));

    public static async Task<Ok<ModeratedReport>> MarkDuplicate(int id, int originalId, ReasonRequest? body, ClaimsPrincipal user, IMediator mediator,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new MarkDuplicateCommand(id, originalId, body?.Reason, StaffActors.From(user)), cancellationToken));

    public static async Task<Ok<AuditPage>> ListAudit(int? reportId, string? actor, string? action, int? page, int? pageSize, IMediator mediator,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListAuditEntriesQuery(reportId, actor, action, page ?? 1, pageSize ?? 50), cancellationToken));
}

/// <summary>The body of every moderation call: why. A missing or blank reason is a 400 naming <c>reason</c>.</summary>
internal sealed record ReasonRequest(string? Reason);

/// <summary>The body of PATCH /api/admin/reports/{id}: any of the fields, and the reason.</summary>
internal sealed record EditReportRequest(string? Title, string? Description, string? CategoryCode, double? Latitude, double? Longitude,
    bool? HideReporterName, string? Reason);
