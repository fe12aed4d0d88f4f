using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Moderation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FixIt.Application.Features.Privacy.HideMyName;

/// <summary>
/// Takes the person's name off one of their reports (<paramref name="ReportId"/>) or all of them, with the updates they
/// made on them: the report and its timeline say "The reporter". From "My reports", or an admin on their behalf.
/// Returns how many reports changed.
/// </summary>
/// <param name="Reason">An admin's reason, for the audit record; none from the resident.</param>
/// <param name="Actor">The admin acting on the person's behalf, recorded in the audit log; null for the resident.</param>
public sealed record HideMyNameCommand(string Email, int? ReportId = null, string? Reason = null, StaffActor? Actor = null) : ICommand<int>;

internal sealed class HideMyNameHandler(IFixItDb db, IOptions<PrivacyOptions> options, TimeProvider clock) : ICommandHandler<HideMyNameCommand, int>
{
    public async ValueTask<int> Handle(HideMyNameCommand command, CancellationToken cancellationToken)
    {
        var address = PersonAddress.Normalize(command.Email) ?? "";
        var reports = PersonAddress.ReportsOf(db, address);
        if (command.ReportId is { } id)
        {
            reports = reports.Where(r => r.Id == id);
        }

        var loaded = await reports.Include(r => r.Events).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        if (command.ReportId is { } wanted && loaded.Count == 0)
        {
            throw new NotFoundException("Report", wanted);
        }

        var now = clock.GetUtcNow();
        var changed = loaded.Count(r => r.HideName(now));
        if (command.Actor is { } actor)
        {
            // The person by the erasure's keyed hash, never the address: the audit log is kept longer than they are.
            db.AuditEntries.Add(new AuditEntry(actor, AuditActions.HidePersonName, now, command.Reason,
                reportId: command.ReportId, target: $"person:{ErasureHash.Of(address, options.Value.ErasureHashKey)}",
                after: string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{{\"reportsChanged\":{changed}}}")));
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }
}
