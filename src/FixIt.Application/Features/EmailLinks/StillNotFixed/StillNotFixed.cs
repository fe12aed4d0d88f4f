using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Common.Tokens;
using FixIt.Application.Features.Reports.ReopenReport;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.EmailLinks.StillNotFixed;

/// <summary>
/// "Still not fixed" from the link in an update email (the POST of its page): the reporter's link, or a follower's,
/// which works only while their subscription is confirmed and active. The link works once; the re-opening itself is
/// <see cref="ReopenReportCommand"/>.
/// </summary>
public sealed record StillNotFixedCommand(string Token, string? Words) : ICommand<ReopenedReport>;

internal sealed class StillNotFixedHandler(IFixItDb db, ISender sender, TimeProvider clock) : ICommandHandler<StillNotFixedCommand, ReopenedReport>
{
    public async ValueTask<ReopenedReport> Handle(StillNotFixedCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = await LinkTokens.RequireAsync(db, command.Token, TokenPurpose.Reopen, now, cancellationToken);
        (ActorKind Kind, string Name) actor;
        string from;
        if (token.SubscriptionId is { } subscriptionId)
        {
            var subscription = await db.ReportSubscriptions.SingleAsync(s => s.Id == subscriptionId, cancellationToken);
            if (!subscription.IsActive)
            {
                // Never confirmed, or unsubscribed since: the follower no longer speaks for the report.
                throw new LinkTokenException(LinkTokenProblem.Revoked);
            }

            // Followers are not named in public; the reporter and the other followers are told like of any update.
            actor = (ActorKind.Follower, ReportEvent.FollowerName);
            from = subscription.Email;
        }
        else
        {
            var report = await db.Reports.SingleAsync(r => r.Id == token.ReportId, cancellationToken);
            actor = (ActorKind.Reporter, report.PublicReporterName);
            from = report.ReporterEmail;
        }

        if (await SenderBlockList.IsBlockedAsync(db, from, cancellationToken))
        {
            // On the block list: the same answer (the report's page), and nothing re-opens (ADR 0150).
            token.Use(now);
            await db.SaveChangesAsync(cancellationToken);
            var status = await db.Reports.Where(r => r.Id == token.ReportId).Select(r => r.Status).SingleAsync(cancellationToken);
            return new ReopenedReport(token.ReportId, status, 0);
        }

        var reopened = await sender.Send(new ReopenReportCommand(token.ReportId, actor.Kind, actor.Name, command.Words), cancellationToken);
        token.Use(now);
        await db.SaveChangesAsync(cancellationToken);
        return reopened;
    }
}
