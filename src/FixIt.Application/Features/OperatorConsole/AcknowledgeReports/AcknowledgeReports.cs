using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.EmailLinks.RespondToReport;
using FixIt.Application.Features.Reports.StaffRespond;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.OperatorConsole.AcknowledgeReports;

/// <summary>
/// "Acknowledge the ticked reports" in an operator's inbox: each one is the staff panel's acknowledge
/// (<see cref="StaffRespondCommand"/>, the email link's use case), all in one transaction. A report of another operator
/// makes the whole request a 403 and changes nothing; a report already past "open" is left as it is and said so.
/// </summary>
public sealed record AcknowledgeReportsCommand(int OperatorId, IReadOnlyList<int> ReportIds, StaffCaller Caller) : ICommand<AcknowledgedReports>;

/// <param name="Acknowledged">The reports now acknowledged.</param>
/// <param name="Skipped">The reports whose status does not allow it (already acknowledged, fixed, closed).</param>
public sealed record AcknowledgedReports(IReadOnlyList<int> Acknowledged, IReadOnlyList<int> Skipped);

internal sealed class AcknowledgeReportsHandler(IFixItDb db, ISender sender) : ICommandHandler<AcknowledgeReportsCommand, AcknowledgedReports>
{
    public async ValueTask<AcknowledgedReports> Handle(AcknowledgeReportsCommand command, CancellationToken cancellationToken)
    {
        if (!await StaffScope.MayUseConsoleAsync(db, command.Caller, command.OperatorId, cancellationToken))
        {
            throw new OutOfScopeException($"operator {command.OperatorId}");
        }

        var ids = command.ReportIds.Distinct().ToList();
        var reports = await db.Reports.AsNoTracking().Where(ReportStatusRules.IsPublicReport).Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.OperatorId, r.Status }).ToListAsync(cancellationToken);
        if (ids.FirstOrDefault(id => reports.All(r => r.Id != id)) is var missing and > 0)
        {
            throw new NotFoundException("Report", missing);
        }

        if (reports.FirstOrDefault(r => r.OperatorId != command.OperatorId) is { } other)
        {
            throw new OutOfScopeException($"report {other.Id}");
        }

        var acknowledged = new List<int>();
        var skipped = new List<int>();
        foreach (var report in reports.OrderBy(r => r.Id))
        {
            if (!OperatorAction.Acknowledge.AllowedFrom(report.Status))
            {
                skipped.Add(report.Id);
                continue;
            }

            await sender.Send(new StaffRespondCommand(report.Id, command.Caller, OperatorAction.Acknowledge, null), cancellationToken);
            acknowledged.Add(report.Id);
        }

        return new AcknowledgedReports(acknowledged, skipped);
    }
}
