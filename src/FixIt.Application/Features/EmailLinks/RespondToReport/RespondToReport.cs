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
            // The same use case as every other channel's "not ours"; the link's holder is the current operator, since
            // each decline revokes the links it was given.
            var declined = await sender.Send(new DeclineReportCommand(token.ReportId, command.Text) { Source = EventSource.EmailLink },
                cancellationToken);
            return new RespondedReport(declined.ReportId, declined.Status);
        }

        var report = await db.Reports.SingleAsync(r => r.Id == token.ReportId, cancellationToken);
        return await OperatorResponse.ApplyAsync(db, publisher, report, command.Action, command.Text, EventSource.EmailLink, now, cancellationToken);
    }
}
