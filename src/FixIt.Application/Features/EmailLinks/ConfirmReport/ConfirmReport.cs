using FixIt.Application.Abstractions;
using FixIt.Application.Common.Tokens;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.EmailLinks.ConfirmReport;

/// <summary>The reporter confirms from the link in the confirmation email; only then does the report go to an operator.</summary>
public sealed record ConfirmReportCommand(string Token) : ICommand<ConfirmedReport>;

public sealed record ConfirmedReport(int Id, ReportStatus Status, bool QueuedForOperator);

internal sealed class ConfirmReportHandler(IFixItDb db, IReportMailer mailer, TimeProvider clock)
    : ICommandHandler<ConfirmReportCommand, ConfirmedReport>
{
    public async ValueTask<ConfirmedReport> Handle(ConfirmReportCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = await LinkTokens.RequireAsync(db, command.Token, TokenPurpose.Confirm, now, cancellationToken);
        var report = await db.Reports.SingleAsync(r => r.Id == token.ReportId, cancellationToken);

        report.Confirm(EventSource.EmailLink, now);
        token.Use(now);
        var queued = await mailer.QueueToOperatorAsync(report, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new ConfirmedReport(report.Id, report.Status, queued);
    }
}
