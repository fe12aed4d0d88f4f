using FixIt.Application.Abstractions;
using FixIt.Application.Common.Tokens;
using FixIt.Application.Features.Reports.DeclineReport;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.EmailLinks.RespondToReport;

/// <summary>An operator answers from an action link in the report email (the POST of its form).</summary>
public sealed record RespondToReportCommand(string Token, OperatorAction Action, string? Text) : ICommand<RespondedReport>;

public sealed record RespondedReport(int Id, ReportStatus Status);

internal sealed class RespondToReportHandler(IFixItDb db, ISender sender, IPublisher publisher, TimeProvider clock)
    : ICommandHandler<RespondToReportCommand, RespondedReport>
{
    public async ValueTask<RespondedReport> Handle(RespondToReportCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = await LinkTokens.RequireAsync(db, command.Token, TokenPurpose.Respond, now, cancellationToken);
        if (command.Action == OperatorAction.NotOurs)
        {
            // The same use case as every other channel's "not ours", in the name of the link's operator: each decline
            // (and nothing else that moves a report) revokes the links it was given, so while the link is live the report
            // is with its operator. Read in one statement, so both come from the same committed state; a decline that
            // commits after it makes the use case refuse (409) rather than decline the next operator (ADR 0220).
            var holder = await db.AccessTokens.Where(t => t.Id == token.Id && t.RevokedAt == null)
                .Select(t => db.Reports.Where(r => r.Id == t.ReportId).Select(r => r.OperatorId).FirstOrDefault())
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new LinkTokenException(LinkTokenProblem.Revoked);
            var declined = await sender.Send(new DeclineReportCommand(token.ReportId, command.Text, holder) { Source = EventSource.EmailLink },
                cancellationToken);
            return new RespondedReport(declined.ReportId, declined.Status);
        }

        var report = await db.Reports.SingleAsync(r => r.Id == token.ReportId, cancellationToken);
        return await OperatorResponse.ApplyAsync(db, publisher, report, command.Action, command.Text, EventSource.EmailLink, now, cancellationToken);
    }
}
