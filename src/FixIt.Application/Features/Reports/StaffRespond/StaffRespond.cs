using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.EmailLinks.RespondToReport;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.StaffRespond;

/// <summary>
/// A signed-in staff member changes the status of a report or adds a public note, from its page: the operator's email
/// links' use case (<see cref="OperatorResponse"/>), recorded as the operator. Operator staff may do it only for the
/// operators they work for (anyone else's report is a 403, whatever the form says); admins and moderators for any.
/// </summary>
public sealed record StaffRespondCommand(int ReportId, StaffCaller Caller, OperatorAction Action, string? Text) : ICommand<RespondedReport>;

internal sealed class StaffRespondHandler(IFixItDb db, IPublisher publisher, TimeProvider clock) : ICommandHandler<StaffRespondCommand, RespondedReport>
{
    public async ValueTask<RespondedReport> Handle(StaffRespondCommand command, CancellationToken cancellationToken)
    {
        var report = await db.Reports.Where(ReportStatusRules.IsPublicReport).SingleOrDefaultAsync(r => r.Id == command.ReportId, cancellationToken)
            ?? throw new NotFoundException("Report", command.ReportId);
        if (!await StaffScope.MayActOnAsync(db, command.Caller, report.OperatorId, cancellationToken))
        {
            throw new OutOfScopeException($"report {report.Id}");
        }

        return await OperatorResponse.ApplyAsync(db, publisher, report, command.Action, command.Text, EventSource.Web, clock.GetUtcNow(), cancellationToken);
    }
}

/// <summary>What a signed-in staff member may do on a report's page: the actions its status allows, or null when the report is not theirs.</summary>
public sealed record StaffPanelQuery(int ReportId, StaffCaller Caller) : IQuery<StaffPanel?>;

public sealed record StaffPanel(int ReportId, IReadOnlyList<OperatorAction> Actions, bool HasOperator = true);

internal sealed class StaffPanelHandler(IFixItDb db) : IQueryHandler<StaffPanelQuery, StaffPanel?>
{
    public async ValueTask<StaffPanel?> Handle(StaffPanelQuery query, CancellationToken cancellationToken)
    {
        var report = await db.Reports.Where(ReportStatusRules.IsPublicReport).Where(r => r.Id == query.ReportId)
            .Select(r => new { r.Status, r.OperatorId }).SingleOrDefaultAsync(cancellationToken);
        if (report is null || !await StaffScope.MayActOnAsync(db, query.Caller, report.OperatorId, cancellationToken))
        {
            return null;
        }

        // An unrouted report has no operator to answer as (OperatorResponse refuses it): no actions, and the panel says why.
        return report.OperatorId is null
            ? new StaffPanel(query.ReportId, [], HasOperator: false)
            : new StaffPanel(query.ReportId, [.. StaffRespondValidator.Allowed.Where(a => a.AllowedFrom(report.Status))]);
    }
}

/// <summary>The one rule for which reports a staff member may act on (docs/moderation.md, "Roles").</summary>
internal static class StaffScope
{
    public static async Task<bool> MayActOnAsync(IFixItDb db, StaffCaller caller, int? operatorId, CancellationToken cancellationToken) =>
        caller.ActsForEveryOperator
        || (caller.Role == StaffRoles.Operator && operatorId is { } id
            && await db.StaffOperators.AnyAsync(s => s.StaffUserId == caller.StaffUserId && s.OperatorId == id, cancellationToken));

    /// <summary>
    /// Who may work in an operator's console (/operator/{slug}): admins for every operator, operator staff for theirs;
    /// moderators never (they moderate; the console is the operator's own work). ADR 0170.
    /// </summary>
    public static async Task<bool> MayUseConsoleAsync(IFixItDb db, StaffCaller caller, int operatorId, CancellationToken cancellationToken) =>
        caller.Role == StaffRoles.Admin
        || (caller.Role == StaffRoles.Operator
            && await db.StaffOperators.AnyAsync(s => s.StaffUserId == caller.StaffUserId && s.OperatorId == operatorId, cancellationToken));
}
