using FixIt.Application.Abstractions;
using FixIt.Domain.Messaging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Privacy.UnsubscribeEverywhere;

/// <summary>
/// No more email about anything: every subscription of the address stopped, and every report it made opted out of
/// updates to its reporter (as each email's own unsubscribe link does for one). Returns how many were stopped.
/// </summary>
public sealed record UnsubscribeEverywhereCommand(string Email) : ICommand<int>;

internal sealed class UnsubscribeEverywhereHandler(IFixItDb db, TimeProvider clock) : ICommandHandler<UnsubscribeEverywhereCommand, int>
{
    public async ValueTask<int> Handle(UnsubscribeEverywhereCommand command, CancellationToken cancellationToken)
    {
        var address = PersonAddress.Normalize(command.Email) ?? "";
        var now = clock.GetUtcNow();
        var subscriptions = await PersonAddress.SubscriptionsOf(db, address).Where(s => s.UnsubscribedAt == null).ToListAsync(cancellationToken);
        subscriptions.ForEach(s => s.Unsubscribe(now));

        var reports = await PersonAddress.ReportsOf(db, address)
            .Where(r => !db.MailOptOuts.Any(o => o.ReportId == r.Id && o.Email == r.ReporterEmail))
            .Select(r => new { r.Id, r.ReporterEmail }).ToListAsync(cancellationToken);
        foreach (var report in reports)
        {
            db.MailOptOuts.Add(new MailOptOut(report.Id, report.ReporterEmail, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        return subscriptions.Count + reports.Count;
    }
}
