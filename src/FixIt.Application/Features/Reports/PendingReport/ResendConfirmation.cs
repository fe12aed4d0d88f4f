using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Common.Tokens;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.PendingReport;

/// <summary>
/// "Send the confirmation email again", from the page the secret link opens. Queued exactly as at submission (the same
/// mailer call), so every cap on confirmation emails covers it. False when the report no longer awaits confirmation.
/// </summary>
public sealed record ResendConfirmationCommand(int ReportId, string Token) : ICommand<bool>;

internal sealed class ResendConfirmationHandler(IFixItDb db, IReportMailer mailer, TimeProvider clock)
    : ICommandHandler<ResendConfirmationCommand, bool>
{
    public async ValueTask<bool> Handle(ResendConfirmationCommand command, CancellationToken cancellationToken)
    {
        var report = await PendingLinks.OpensAsync(db, command.ReportId, command.Token, clock.GetUtcNow(), cancellationToken)
            ? await db.Reports.SingleOrDefaultAsync(r => r.Id == command.ReportId, cancellationToken)
            : null;
        if (report is null || !ReportStatusRules.IsShownByLink(report.Status))
        {
            throw new NotFoundException("Report", command.ReportId);
        }

        if (!ReportStatusRules.AwaitsConfirmation(report.Status))
        {
            return false;
        }

        await mailer.QueueConfirmationAsync(report, command.Token, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
