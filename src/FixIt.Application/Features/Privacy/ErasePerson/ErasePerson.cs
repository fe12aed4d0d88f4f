using FixIt.Application.Abstractions;
using FixIt.Domain.Moderation;
using FixIt.Domain.Privacy;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FixIt.Application.Features.Privacy.ErasePerson;

/// <summary>
/// Erases a person, known by their address: their name and contact details from every report and update they made
/// (the reports stay, as "A resident"'s; their photos too unless <paramref name="RemovePhotos"/>), their subscriptions,
/// the address from every email record, reply address and raw inbound mail, and every pending email to it. What is
/// kept is an <see cref="Erasure"/> under a keyed hash of the address. The same answer for an address with nothing;
/// refused for an operator's contact address (<see cref="OperatorContactException"/>).
/// </summary>
/// <param name="Reason">An admin's reason, for the audit record; none from the resident.</param>
/// <param name="Actor">The admin acting on the person's behalf, recorded in the audit log under the erasure's hash; null for the resident.</param>
public sealed record ErasePersonCommand(string Email, bool RemovePhotos, ErasureRequester RequestedBy, string? Reason = null, StaffActor? Actor = null)
    : ICommand<ErasureDone>;

public sealed record ErasureDone(DateTimeOffset ErasedAt);

internal sealed class ErasePersonHandler(IFixItDb db, IPhotoProcessor photos, IOptions<PrivacyOptions> options, TimeProvider clock)
    : ICommandHandler<ErasePersonCommand, ErasureDone>
{
    public async ValueTask<ErasureDone> Handle(ErasePersonCommand command, CancellationToken cancellationToken)
    {
        var address = PersonAddress.Normalize(command.Email) ?? throw new ArgumentException("Not an email address.", nameof(command));
        if (await PersonAddress.IsOperatorAddressAsync(db, address, cancellationToken))
        {
            throw new OperatorContactException();
        }

        var now = clock.GetUtcNow();
        var reports = await PersonAddress.ReportsOf(db, address).Include(r => r.Events).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var reportIds = reports.Select(r => r.Id).ToList();
        var files = command.RemovePhotos ? await DeletePhotosAsync(reportIds, cancellationToken) : [];
        foreach (var report in reports)
        {
            await ReportContactEraser.EraseAsync(db, report, now, cancellationToken);
        }

        // Subscriptions go; their reply keys stay (mail under them is held for an admin) without the address.
        var subscriptionIds = await PersonAddress.SubscriptionsOf(db, address).Select(s => s.Id).ToListAsync(cancellationToken);
        await db.AccessTokens.Where(t => t.SubscriptionId != null && subscriptionIds.Contains(t.SubscriptionId.Value)).ExecuteDeleteAsync(cancellationToken);
        await db.ReportSubscriptions.Where(s => subscriptionIds.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);

        // Alerts for a place go too (their categories, matches and links with them); every instance rebuilds its index.
        if (await PersonAddress.AlertsOf(db, address).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            await Alerts.AlertLinks.BumpVersionAsync(db, cancellationToken);
        }

        await ReportContactEraser.ForgetMailAsync(PersonAddress.MailTo(db, address), cancellationToken);
        foreach (var key in await PersonAddress.ReplyKeysOf(db, address).ToListAsync(cancellationToken))
        {
            key.ForgetAddress();
        }

        await ReportContactEraser.ForgetInboundAsync(PersonAddress.MailFrom(db, address), cancellationToken);
        await PersonAddress.OptOutsOf(db, address).ExecuteDeleteAsync(cancellationToken);
        await db.MyReportsTokens.Where(t => t.Email == address).ExecuteDeleteAsync(cancellationToken);

        var hash = ErasureHash.Of(address, options.Value.ErasureHashKey);
        db.Erasures.Add(new Erasure(hash, command.RequestedBy, reports.Count, now));
        if (command.Actor is { } actor)
        {
            db.AuditEntries.Add(new AuditEntry(actor, AuditActions.ErasePerson, now, command.Reason, target: $"person:{hash}",
                after: $"{{\"reports\":{reports.Count},\"photosRemoved\":{(command.RemovePhotos ? "true" : "false")}}}"));
        }
        await db.SaveChangesAsync(cancellationToken);

        // Files last: were the transaction to roll back, the rows stay and pointing at files that are gone is worse.
        foreach (var file in files)
        {
            photos.Delete(file);
        }

        return new ErasureDone(now);
    }

    // The report's own photos and those the reporter emailed with their updates; other people's update photos stay.
    private async Task<List<string>> DeletePhotosAsync(List<int> reportIds, CancellationToken cancellationToken)
    {
        var reporterEvents = db.ReportEvents.Where(e => reportIds.Contains(e.ReportId) && e.ActorKind == ActorKind.Reporter).Select(e => e.Id);
        var files = await db.ReportPhotos.Where(p => reportIds.Contains(p.ReportId)).Select(p => p.StorageKey).ToListAsync(cancellationToken);
        files.AddRange(await db.UpdatePhotos.Where(p => reporterEvents.Contains(p.ReportEventId)).Select(p => p.StoredName).ToListAsync(cancellationToken));
        await db.ReportPhotos.Where(p => reportIds.Contains(p.ReportId)).ExecuteDeleteAsync(cancellationToken);
        await db.UpdatePhotos.Where(p => reporterEvents.Contains(p.ReportEventId)).ExecuteDeleteAsync(cancellationToken);
        return files;
    }
}
