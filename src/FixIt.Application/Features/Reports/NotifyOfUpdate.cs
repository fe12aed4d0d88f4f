using FixIt.Application.Abstractions;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports;

/// <summary>
/// Emails each public update to the reporter (unless they unsubscribed or made the update themselves) and to every
/// confirmed subscriber still subscribed. Nobody gets the same update twice, nor their own (a follower's web update).
/// </summary>
internal sealed class NotifyOfUpdate(IFixItDb db, IReportMailer mailer) : INotificationHandler<ReportUpdated>
{
    public async ValueTask Handle(ReportUpdated notification, CancellationToken cancellationToken)
    {
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == notification.ReportId, cancellationToken);
        var update = await db.ReportEvents.SingleOrDefaultAsync(e => e.Id == notification.EventId && e.ReportId == notification.ReportId, cancellationToken);
        if (report is null || update is null || !update.IsPublic || !ReportStatusRules.IsPublic(report.Status))
        {
            return;
        }

        var reporterEmail = report.ReporterEmail;
        var byReporter = update.ActorKind == ActorKind.Reporter;
        var reporterMailed = !byReporter
            && !await db.MailOptOuts.AnyAsync(o => o.ReportId == report.Id && o.Email == reporterEmail, cancellationToken);
        if (reporterMailed)
        {
            await mailer.QueueUpdateToReporterAsync(report, update, cancellationToken);
        }

        // The reporter may also follow their own report; they are the actor, or already mailed, or opted out as reporter
        // only (then the subscription they confirmed still stands).
        var reporterAddress = ReportSubscription.Normalize(reporterEmail);
        var subscribers = await db.ReportSubscriptions
            .Where(s => s.ReportId == report.Id && s.ConfirmedAt != null && s.UnsubscribedAt == null)
            .OrderBy(s => s.Id)
            .ToListAsync(cancellationToken);
        foreach (var subscriber in subscribers.Where(s => s.Id != notification.AuthorSubscriptionId
            && (s.Email != reporterAddress || !(byReporter || reporterMailed))))
        {
            await mailer.QueueUpdateToSubscriberAsync(report, subscriber, update, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
