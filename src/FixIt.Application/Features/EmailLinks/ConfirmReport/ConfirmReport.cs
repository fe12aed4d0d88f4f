using FixIt.Application.Abstractions;
using FixIt.Application.Common;
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
    public const string HiddenForBlockedSender = "Hidden on confirmation: the reporter is on the block list.";

    public async ValueTask<ConfirmedReport> Handle(ConfirmReportCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = await LinkTokens.RequireAsync(db, command.Token, TokenPurpose.Confirm, now, cancellationToken);
        var report = await db.Reports.SingleAsync(r => r.Id == token.ReportId, cancellationToken);

        report.Confirm(EventSource.EmailLink, now);
        token.Use(now);
        if (await SenderBlockList.IsBlockedAsync(db, report.ReporterEmail, cancellationToken))
        {
            // The sender sees what anyone sees on confirming; the report is hidden at once and never sent (ADR 0150).
            report.Hide(HiddenForBlockedSender, now);
            await db.SaveChangesAsync(cancellationToken);
            return new ConfirmedReport(report.Id, ReportStatus.Open, false);
        }

        var queued = await mailer.QueueToOperatorAsync(report, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new ConfirmedReport(report.Id, report.Status, queued);
    }
}
