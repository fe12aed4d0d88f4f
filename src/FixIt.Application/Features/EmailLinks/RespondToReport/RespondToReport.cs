using FixIt.Application.Abstractions;
using FixIt.Application.Common.Tokens;
using FixIt.Application.Features.Reports;
using FixIt.Application.Routing;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.EmailLinks.RespondToReport;

/// <summary>An operator answers from an action link in the report email (the POST of its form).</summary>
public sealed record RespondToReportCommand(string Token, OperatorAction Action, string? Text) : ICommand<RespondedReport>;

public sealed record RespondedReport(int Id, ReportStatus Status);

internal sealed class RespondToReportHandler(IFixItDb db, IReportRouter router, IReportMailer mailer, IPublisher publisher, TimeProvider clock)
    : ICommandHandler<RespondToReportCommand, RespondedReport>
{
    public async ValueTask<RespondedReport> Handle(RespondToReportCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = await LinkTokens.RequireAsync(db, command.Token, TokenPurpose.Respond, now, cancellationToken);
        var report = await db.Reports.SingleAsync(r => r.Id == token.ReportId, cancellationToken);
        var operatorName = await db.Operators.Where(o => o.Id == report.OperatorId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken)
            ?? "The operator";
        var text = string.IsNullOrWhiteSpace(command.Text) ? null : command.Text.Trim();

        if (!command.Action.AllowedFrom(report.Status))
        {
            throw new InvalidTransitionException(report.Status, command.Action.TargetStatus() ?? ReportStatus.NotResponsible) { ReportId = report.Id };
        }

        switch (command.Action)
        {
            case OperatorAction.NotOurs:
                await DeclineAsync(report, operatorName, text!, now, cancellationToken);
                break;
            case OperatorAction.Note:
                report.AddNote(ActorKind.Operator, operatorName, EventSource.EmailLink, text!, now);
                break;
            default:
                report.ChangeStatus(command.Action.TargetStatus()!.Value, ActorKind.Operator, operatorName, EventSource.EmailLink, text, now);
                break;
        }

        // The report's events were not loaded, so the collection holds just what this action added.
        var update = report.Events[0];
        await db.SaveChangesAsync(cancellationToken);
        await publisher.Publish(new ReportUpdated(report.Id, update.Id), cancellationToken);
        return new RespondedReport(report.Id, report.Status);
    }

    private async Task DeclineAsync(Report report, string operatorName, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<int> excluded = report.OperatorId is { } current ? [.. report.DeclinedOperators, current] : report.DeclinedOperators;
        var next = await router.RouteAsync(report.Latitude, report.Longitude, report.CategoryId, excluded, cancellationToken);
        report.Decline(operatorName, EventSource.EmailLink, reason, next, now);

        // The old operator's links must stop working; the new operator gets links of its own.
        var outstanding = await db.AccessTokens
            .Where(t => t.ReportId == report.Id && t.Purpose == TokenPurpose.Respond && t.RevokedAt == null)
            .ToListAsync(cancellationToken);
        outstanding.ForEach(t => t.Revoke(now));
        await db.SaveChangesAsync(cancellationToken);
        await mailer.QueueToOperatorAsync(report, cancellationToken);
    }
}
