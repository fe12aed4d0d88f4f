using FixIt.Application.Abstractions;
using FixIt.Application.Features.Reports;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.EmailLinks.RespondToReport;

/// <summary>
/// An operator's status change or public note, whichever way it came (an emailed action link, or operator staff on the
/// report page): checked against the status rules, recorded on the timeline as the operator, and sent to the reporter
/// and followers. The callers have decided who may act; this is what acting does.
/// </summary>
internal static class OperatorResponse
{
    public static async Task<RespondedReport> ApplyAsync(IFixItDb db, IPublisher publisher, Report report, OperatorAction action, string? text,
        EventSource source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var operatorName = await db.Operators.Where(o => o.Id == report.OperatorId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken)
            ?? "The operator";
        var publicText = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (!action.AllowedFrom(report.Status))
        {
            throw action.RefusalFrom(report.Status, report.Id);
        }

        // Every answer here is recorded in an operator's name ("The operator acknowledged it"): an unrouted report has none.
        if (report.OperatorId is null)
        {
            throw InvalidTransitionException.NoOperator(report.Status, report.Id);
        }

        var update = action == OperatorAction.Note
            ? report.AddNote(ActorKind.Operator, operatorName, source, publicText!, now)
            : report.ChangeStatus(action.TargetStatus()!.Value, ActorKind.Operator, operatorName, source, publicText, now);
        await db.SaveChangesAsync(cancellationToken);
        await publisher.Publish(new ReportUpdated(report.Id, update.Id), cancellationToken);
        return new RespondedReport(report.Id, report.Status);
    }
}
