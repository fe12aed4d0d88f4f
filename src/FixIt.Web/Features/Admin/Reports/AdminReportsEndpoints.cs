using FixIt.Application.Features.Admin.Reports;
using FixIt.Application.Features.Admin.Reports.AssignReport;
using FixIt.Application.Features.Admin.Reports.DeclineReport;
using FixIt.Application.Features.Reports.DeclineReport;
using FixIt.Web.Features.Moderation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Features.Admin.Reports;

internal static class AdminReportsEndpoints
{
    public static RouteGroupBuilder MapAdminReports(this RouteGroupBuilder admin)
    {
        var reports = admin.MapGroup("/reports").WithTags("Admin: reports");
        reports.MapGet("/unrouted", ListUnroutedReports).AdminOnly().WithName(nameof(ListUnroutedReports))
            .WithSummary("Reports no rule routes, or that every candidate declined");
        reports.MapPost("/{id:int}/decline", DeclineReport).AdminOnly().WithName(nameof(DeclineReport))
            .WithSummary("Record the named operator's \"not ours\" and re-route to the next candidate; 409 once the report is not with it")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        reports.MapPost("/{id:int}/assign", AssignReport).AdminOnly().WithName(nameof(AssignReport))
            .WithSummary("Give an unrouted report to an operator; an open, public one is emailed to it at once")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return admin;
    }

    public static async Task<Ok<IReadOnlyList<UnroutedReportView>>> ListUnroutedReports(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListUnroutedReportsQuery(), cancellationToken));

    public static async Task<Ok<DeclinedReport>> DeclineReport(int id, DeclineRequest body, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new AdminDeclineReportCommand(id, body.Operator, body.Reason), cancellationToken));

    public static async Task<Ok<AssignedReport>> AssignReport(int id, AssignRequest body, HttpContext context, IMediator mediator,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new AssignReportCommand(id, body.Operator, StaffActors.From(context.User)), cancellationToken));
}

/// <summary>
/// The JSON body of POST /api/admin/reports/{id}/decline: the slug of the operator saying "not ours" (required: only the
/// operator the report is with can decline it, ADR 0220) and its reason.
/// </summary>
internal sealed record DeclineRequest(string? Operator, string? Reason);

/// <summary>The JSON body of POST /api/admin/reports/{id}/assign: the operator's slug.</summary>
internal sealed record AssignRequest(string? Operator);
