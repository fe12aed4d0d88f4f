using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Reports.DeclineReport;
using FixIt.Application.Features.Reports.StaffRespond;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.StaffDecline;

/// <summary>
/// A signed-in staff member says "not ours" for the report's operator, from the operator console: the one decline use
/// case (<see cref="DeclineReportCommand"/>, as the email link's form sends it) once the console scope allows it
/// (<see cref="StaffScope.MayUseConsoleAsync"/>: the operator's own staff, or an admin). Anyone else gets a 403.
/// </summary>
public sealed record StaffDeclineCommand(int ReportId, StaffCaller Caller, string? Reason) : ICommand<DeclinedReport>;

internal sealed class StaffDeclineHandler(IFixItDb db, ISender sender) : ICommandHandler<StaffDeclineCommand, DeclinedReport>
{
    public async ValueTask<DeclinedReport> Handle(StaffDeclineCommand command, CancellationToken cancellationToken)
    {
        var operatorId = await db.Reports.Where(ReportStatusRules.IsPublicReport).Where(r => r.Id == command.ReportId)
            .Select(r => new { r.OperatorId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Report", command.ReportId);
        if (operatorId.OperatorId is not { } current || !await StaffScope.MayUseConsoleAsync(db, command.Caller, current, cancellationToken))
        {
            throw new OutOfScopeException($"report {command.ReportId}");
        }

        return await sender.Send(new DeclineReportCommand(command.ReportId, command.Reason, current) { Source = EventSource.Web }, cancellationToken);
    }
}
