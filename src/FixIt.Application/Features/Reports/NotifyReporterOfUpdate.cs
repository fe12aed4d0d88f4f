using FixIt.Application.Abstractions;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports;

/// <summary>Emails the reporter about each public update, unless they unsubscribed or made the update themselves.</summary>
internal sealed class NotifyReporterOfUpdate(IFixItDb db, IReportMailer mailer) : INotificationHandler<ReportUpdated>
{
    public async ValueTask Handle(ReportUpdated notification, CancellationToken cancellationToken)
    {
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == notification.ReportId, cancellationToken);
        var update = await db.ReportEvents.SingleOrDefaultAsync(e => e.Id == notification.EventId && e.ReportId == notification.ReportId, cancellationToken);
        if (report is null || update is null || !update.IsPublic || update.ActorKind == ActorKind.Reporter
            || !ReportStatusRules.IsPublic(report.Status))
        {
            return;
        }

        var email = report.ReporterEmail;
        if (await db.MailOptOuts.AnyAsync(o => o.ReportId == report.Id && o.Email == email, cancellationToken))
        {
            return;
        }

        await mailer.QueueUpdateToReporterAsync(report, update, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
