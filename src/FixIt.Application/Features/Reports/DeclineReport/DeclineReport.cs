using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Routing;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.DeclineReport;

/// <summary>
/// The report's current operator says "not ours": the report goes to the next candidate that has not declined it,
/// or to the unrouted list. <paramref name="OperatorId"/>, when given, must be the current operator.
/// </summary>
public sealed record DeclineReportCommand(int ReportId, string? Reason, int? OperatorId = null) : ICommand<DeclinedReport>
{
    public EventSource Source { get; init; } = EventSource.Api;
}

public sealed record DeclinedReport(int ReportId, int? OperatorId, string? OperatorName, string Explanation);

internal sealed class DeclineReportHandler(IFixItDb db, IReportRouter router, TimeProvider clock)
    : ICommandHandler<DeclineReportCommand, DeclinedReport>
{
    public async ValueTask<DeclinedReport> Handle(DeclineReportCommand command, CancellationToken cancellationToken)
    {
        var report = await db.Reports.Include(r => r.Events).SingleOrDefaultAsync(r => r.Id == command.ReportId, cancellationToken)
            ?? throw new NotFoundException("Report", command.ReportId);
        if (report.OperatorId is not { } current || (command.OperatorId is { } claimed && claimed != current))
        {
            throw new NotCurrentOperatorException(command.ReportId);
        }

        var operatorName = await db.Operators.Where(o => o.Id == current).Select(o => o.Name).SingleAsync(cancellationToken);
        var excluded = report.DeclinedOperators.Append(current).ToHashSet();
        var next = await router.RouteAsync(report.Latitude, report.Longitude, report.CategoryId, excluded, cancellationToken);
        report.Decline(operatorName, command.Source, command.Reason!.Trim(), next, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);

        var nextName = next.OperatorId is { } id
            ? await db.Operators.Where(o => o.Id == id).Select(o => o.Name).SingleAsync(cancellationToken)
            : null;
        return new DeclinedReport(report.Id, next.OperatorId, nextName, next.Explanation);
    }
}

/// <summary>Only the operator a report is with can decline it; becomes a 409.</summary>
public sealed class NotCurrentOperatorException(int reportId)
    : InvalidOperationException($"Report {reportId} is not with that operator, so it cannot be declined by them.");
