using FixIt.Application.Abstractions;
using FixIt.Application.Features.Reports.ConfirmByEmail;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.SupportReport;

/// <summary>The supporter confirms from the emailed link (the POST of its page); from then on they are counted.</summary>
public sealed record ConfirmSupportCommand(string Token) : ICommand<int>;

internal sealed class ConfirmSupportHandler(IFixItDb db, TimeProvider clock) : ICommandHandler<ConfirmSupportCommand, int>
{
    public async ValueTask<int> Handle(ConfirmSupportCommand command, CancellationToken cancellationToken) =>
        await ResidentLinks.ConfirmAsync(db, clock, command.Token, TokenPurpose.Support, async (token, report, now) =>
        {
            // The report may have been fixed or closed since the email went: the link is then refused, and stays unused.
            if (!ReportStatusRules.CanSupport(report.Status))
            {
                throw InvalidTransitionException.NotSupportable(report.Status, report.Id);
            }

            var support = await db.ReportSupports.SingleAsync(s => s.Id == token.SupportId, cancellationToken);
            support.Confirm(now);
        }, cancellationToken);
}
