using FixIt.Application.Abstractions;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Privacy.GetMyData;

/// <summary>Everything made with an address, for "My reports": its reports, its updates on them, its subscriptions.</summary>
public sealed record GetMyDataQuery(string Email) : IQuery<MyDataView>;

public sealed record MyDataView(IReadOnlyList<MyReport> Reports, IReadOnlyList<MyUpdate> Updates, IReadOnlyList<MySubscription> Subscriptions)
{
    public bool IsEmpty => Reports.Count == 0 && Updates.Count == 0 && Subscriptions.Count == 0;
}

/// <param name="NameShown">Whether the reporter's name is shown on the report or any of their updates.</param>
public sealed record MyReport(int Id, string Title, ReportStatus Status, DateTimeOffset CreatedAt, bool NameShown, bool IsPublic);

public sealed record MyUpdate(long Id, int ReportId, string ReportTitle, DateTimeOffset At, ReportEventKind Kind, string ShownAs, string? Text);

/// <param name="State">"waiting for confirmation", "active" or "stopped".</param>
public sealed record MySubscription(long Id, int ReportId, string ReportTitle, DateTimeOffset CreatedAt, string State);

internal sealed class GetMyDataHandler(IFixItDb db) : IQueryHandler<GetMyDataQuery, MyDataView>
{
    public async ValueTask<MyDataView> Handle(GetMyDataQuery query, CancellationToken cancellationToken)
    {
        var address = PersonAddress.Normalize(query.Email) ?? "";
        var reports = await PersonAddress.ReportsOf(db, address).AsNoTracking().OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Title, r.Status, r.CreatedAt, r.ShowName, r.ReporterName })
            .ToListAsync(cancellationToken);
        var ids = reports.Select(r => r.Id).ToList();
        var updates = await db.ReportEvents.AsNoTracking()
            .Where(e => ids.Contains(e.ReportId) && e.ActorKind == ActorKind.Reporter)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new { e.Id, e.ReportId, e.At, e.Kind, e.Actor, e.PublicText })
            .ToListAsync(cancellationToken);
        var titles = reports.ToDictionary(r => r.Id, r => r.Title);
        var subscriptions = await PersonAddress.SubscriptionsOf(db, address).AsNoTracking()
            .Join(db.Reports, s => s.ReportId, r => r.Id, (s, r) => new { s.Id, s.ReportId, r.Title, s.CreatedAt, s.ConfirmedAt, s.UnsubscribedAt })
            .OrderByDescending(s => s.Id)
            .ToListAsync(cancellationToken);

        return new MyDataView(
            [.. reports.Select(r => new MyReport(r.Id, r.Title, r.Status, r.CreatedAt,
                (r.ShowName && r.ReporterName.Length > 0) || updates.Any(u => u.ReportId == r.Id && u.Actor == r.ReporterName && r.ReporterName.Length > 0),
                ReportStatusRules.IsPublic(r.Status)))],
            [.. updates.Select(u => new MyUpdate(u.Id, u.ReportId, titles[u.ReportId], u.At, u.Kind, u.Actor, u.PublicText))],
            [.. subscriptions.Select(s => new MySubscription(s.Id, s.ReportId, s.Title, s.CreatedAt,
                s.UnsubscribedAt is not null ? "stopped" : s.ConfirmedAt is not null ? "active" : "waiting for confirmation"))]);
    }
}
