using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Common.Tokens;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.SupportReport;

/// <summary>The supporter confirms from the emailed link (the POST of its page); from then on they are counted.</summary>
public sealed record ConfirmSupportCommand(string Token) : ICommand<int>;

internal sealed class ConfirmSupportHandler(IFixItDb db, TimeProvider clock) : ICommandHandler<ConfirmSupportCommand, int>
{
    public async ValueTask<int> Handle(ConfirmSupportCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = await LinkTokens.RequireAsync(db, command.Token, TokenPurpose.Support, now, cancellationToken);
        var status = await db.Reports.Where(r => r.Id == token.ReportId).Select(r => r.Status).SingleAsync(cancellationToken);
        if (!ReportStatusRules.IsPublic(status))
        {
            throw new NotFoundException("Report", token.ReportId);
        }

        // The report may have been fixed or closed since the email went: the link is then refused, and stays unused.
        if (!ReportStatusRules.CanSupport(status))
        {
            throw InvalidTransitionException.NotSupportable(status, token.ReportId);
        }

        var support = await db.ReportSupports.SingleAsync(s => s.Id == token.SupportId, cancellationToken);
        support.Confirm(now);
        token.Use(now);
        await db.SaveChangesAsync(cancellationToken);
        return token.ReportId;
    }
}
