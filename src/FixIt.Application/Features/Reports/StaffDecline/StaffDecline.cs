using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Reports.DeclineReport;
using FixIt.Application.Features.Reports.StaffRespond;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.StaffDecline;

/// <summary>
/// A signed-in staff member says "not ours" for the operator whose console they are in: the one decline use case
/// (<see cref="DeclineReportCommand"/>) in that operator's name, once the console scope allows it
/// (<see cref="StaffScope.MayUseConsoleAsync"/>: the operator's own staff, or an admin; anyone else gets a 403). A form
/// posted after the report moved on (another decline, a reassignment) is refused with a 409, never applied to whoever
/// holds the report now (ADR 0220).
/// </summary>
public sealed record StaffDeclineCommand(int ReportId, int OperatorId, StaffCaller Caller, string? Reason) : ICommand<DeclinedReport>;

internal sealed class StaffDeclineHandler(IFixItDb db, ISender sender) : ICommandHandler<StaffDeclineCommand, DeclinedReport>
{
    public async ValueTask<DeclinedReport> Handle(StaffDeclineCommand command, CancellationToken cancellationToken)
    {
        if (!await db.Reports.Where(ReportStatusRules.IsPublicReport).AnyAsync(r => r.Id == command.ReportId, cancellationToken))
        {
            throw new NotFoundException("Report", command.ReportId);
        }

        if (!await StaffScope.MayUseConsoleAsync(db, command.Caller, command.OperatorId, cancellationToken))
        {
            throw new OutOfScopeException($"report {command.ReportId}");
        }

        return await sender.Send(new DeclineReportCommand(command.ReportId, command.Reason, command.OperatorId) { Source = EventSource.Web },
            cancellationToken);
    }
}
