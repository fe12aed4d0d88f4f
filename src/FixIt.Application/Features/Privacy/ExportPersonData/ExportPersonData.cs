using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Alerts;
using FixIt.Domain.Messaging;
using FixIt.Domain.Moderation;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FixIt.Application.Features.Privacy.ExportPersonData;

/// <summary>
/// Everything FixIt holds linked to an address, as one document (a subject-access or portability answer): the
/// reports made with it and their updates, its subscriptions, and the emails sent to it. An address with nothing
/// gets the same document with empty lists.
/// </summary>
/// <param name="Reason">An admin's reason, for the audit record; none from the resident.</param>
/// <param name="Actor">The admin exporting on the person's behalf: the export is recorded in the audit log (the only write here).</param>
public sealed record ExportPersonDataQuery(string Email, string? Reason = null, StaffActor? Actor = null) : IQuery<PersonExport>;

public sealed record PersonExport(
    string Email,
    DateTimeOffset ExportedAt,
    IReadOnlyList<ExportedReport> Reports,
    IReadOnlyList<ExportedUpdate> Updates,
    IReadOnlyList<ExportedSubscription> Subscriptions,
    IReadOnlyList<ExportedAlert> AlertSubscriptions,
    IReadOnlyList<ExportedEmail> Emails);

public sealed record ExportedReport(int Id, string Url, string Title, string Description, string Category, ReportStatus Status,
    double Latitude, double Longitude, string? Address, string? NearPlace, string ReporterName, string ReporterEmail, string? ReporterPhone,
    bool NameShown, EventSource Source, string? DeviceId, string? AccountId, int Photos, DateTimeOffset CreatedAt, DateTimeOffset? ConfirmedAt,
    DateTimeOffset? FixedAt, DateTimeOffset? ClosedAt);

public sealed record ExportedUpdate(long Id, int ReportId, DateTimeOffset At, ReportEventKind Kind, string ShownAs, string? Text, bool IsPublic);

public sealed record ExportedSubscription(long Id, int ReportId, string Url, DateTimeOffset CreatedAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? UnsubscribedAt);

/// <summary>An alert for a place: a radius around a point (metres) or an area, the categories it is limited to (none: all).</summary>
public sealed record ExportedAlert(long Id, double? Latitude, double? Longitude, int? RadiusMetres, int? AreaId, IReadOnlyList<int> CategoryIds,
    AlertFrequency Frequency, DateTimeOffset CreatedAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? UnsubscribedAt);

public sealed record ExportedEmail(long Id, int? ReportId, MailKind Kind, string Subject, OutboxStatus Status, DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt, string Text);

internal sealed class ExportPersonDataHandler(IFixItDb db, IOptions<SiteOptions> site, IOptions<PrivacyOptions> privacy, TimeProvider clock)
    : IQueryHandler<ExportPersonDataQuery, PersonExport>
{
    public async ValueTask<PersonExport> Handle(ExportPersonDataQuery query, CancellationToken cancellationToken)
    {
        var address = PersonAddress.Normalize(query.Email) ?? "";
        var reports = await PersonAddress.ReportsOf(db, address).AsNoTracking().OrderBy(r => r.Id)
            .Join(db.Categories, r => r.CategoryId, c => c.Id, (r, c) => new { Report = r, Category = c.Name })
            .ToListAsync(cancellationToken);
        var ids = reports.Select(r => r.Report.Id).ToList();
        var photos = await db.ReportPhotos.Where(p => ids.Contains(p.ReportId)).GroupBy(p => p.ReportId)
            .Select(g => new { ReportId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.ReportId, g => g.Count, cancellationToken);
        var updates = await db.ReportEvents.AsNoTracking()
            .Where(e => ids.Contains(e.ReportId) && e.ActorKind == ActorKind.Reporter).OrderBy(e => e.Id)
            .Select(e => new ExportedUpdate(e.Id, e.ReportId, e.At, e.Kind, e.Actor, e.PublicText, e.IsPublic))
            .ToListAsync(cancellationToken);
        var subscriptions = await PersonAddress.SubscriptionsOf(db, address).AsNoTracking().OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.ReportId, s.CreatedAt, s.ConfirmedAt, s.UnsubscribedAt })
            .ToListAsync(cancellationToken);
        var alerts = await PersonAddress.AlertsOf(db, address).AsNoTracking().Include(a => a.Categories).OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var emails = await PersonAddress.MailTo(db, address).AsNoTracking().OrderBy(m => m.Id)
            .Select(m => new ExportedEmail(m.Id, m.ReportId, m.Kind, m.Subject, m.Status, m.CreatedAt, m.SentAt, m.TextBody))
            .ToListAsync(cancellationToken);

        if (query.Actor is { } actor)
        {
            db.AuditEntries.Add(new AuditEntry(actor, AuditActions.ExportPerson, clock.GetUtcNow(), query.Reason,
                target: $"person:{ErasureHash.Of(address, privacy.Value.ErasureHashKey)}"));
            await db.SaveChangesAsync(cancellationToken);
        }

        var siteOptions = site.Value;
        ExportedReport Exported(Report r, string category) => new(r.Id, siteOptions.ReportUrl(r.Id), r.Title, r.Description, category,
            r.Status, r.Latitude, r.Longitude, r.Address, r.NearPlace, r.ReporterName, r.ReporterEmail, r.ReporterPhone, r.ShowName, r.Source,
            r.DeviceId, r.AccountId, photos.GetValueOrDefault(r.Id), r.CreatedAt, r.ConfirmedAt, r.FixedAt, r.ClosedAt);
        return new PersonExport(address, clock.GetUtcNow(),
            [.. reports.Select(x => Exported(x.Report, x.Category))],
            updates,
            [.. subscriptions.Select(s => new ExportedSubscription(s.Id, s.ReportId, siteOptions.ReportUrl(s.ReportId), s.CreatedAt, s.ConfirmedAt, s.UnsubscribedAt))],
            [.. alerts.Select(a => new ExportedAlert(a.Id, a.Latitude, a.Longitude, a.RadiusMetres, a.AreaId,
                [.. a.Categories.Select(c => c.CategoryId)], a.Frequency, a.CreatedAt, a.ConfirmedAt, a.UnsubscribedAt))],
            emails);
    }
}
