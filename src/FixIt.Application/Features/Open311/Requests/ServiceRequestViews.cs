using FixIt.Application.Abstractions;
using FixIt.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Open311.Requests;

/// <summary>Joins a page of reports with their categories, operators and public events, in three queries.</summary>
internal static class ServiceRequestViews
{
    private static readonly ReportEventKind[] UpdateKinds = [ReportEventKind.StatusChanged, ReportEventKind.Note];

    public static async Task<IReadOnlyList<ServiceRequestView>> BuildAsync(IFixItDb db, List<Row> rows, bool withUpdates,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var categoryIds = rows.Select(r => r.CategoryId).Distinct().ToList();
        var categories = await db.Categories.AsNoTracking().Where(c => categoryIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Code, c.Name }).ToDictionaryAsync(c => c.Id, cancellationToken);
        var operatorIds = rows.Where(r => r.OperatorId is not null).Select(r => r.OperatorId!.Value).Distinct().ToList();
        var operators = await db.Operators.AsNoTracking().Where(o => operatorIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.FixTargetDays }).ToDictionaryAsync(o => o.Id, cancellationToken);
        var reportIds = rows.Select(r => r.Id).ToList();
        var events = (await db.ReportEvents.AsNoTracking()
                .Where(e => reportIds.Contains(e.ReportId) && e.IsPublic && UpdateKinds.Contains(e.Kind))
                .ToListAsync(cancellationToken))
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToLookup(e => e.ReportId);

        return [.. rows.Select(r =>
        {
            var category = categories[r.CategoryId];
            var op = r.OperatorId is { } id ? operators[id] : null;
            var history = events[r.Id].ToList();

            // Status notes are the agency's words: the latest public text an operator or admin wrote.
            var notes = history.LastOrDefault(e => e.PublicText is not null && e.ActorKind is ActorKind.Operator or ActorKind.Admin)?.PublicText;
            var expected = op is null ? (DateTimeOffset?)null : (r.ConfirmedAt ?? r.CreatedAt).AddDays(op.FixTargetDays);
            return new ServiceRequestView(r.Id, r.Status, notes, category.Name, category.Code, r.Title, r.Description,
                op?.Name, r.RoutingExplanation, r.CreatedAt, r.UpdatedAt, expected, r.Address, r.Latitude, r.Longitude, r.MediaUrl,
                withUpdates ? Updates(history) : []);
        })];
    }

    private static List<ServiceRequestUpdate> Updates(List<FixIt.Domain.Reports.ReportEvent> history)
    {
        var updates = new List<ServiceRequestUpdate>();
        ReportStatus? current = null;
        foreach (var e in history)
        {
            current = e.ToStatus ?? current;

            // While a report was hidden nothing about it was public, so nothing of that time is shown now.
            if (current is { } status && ReportStatusRules.IsPublic(status))
            {
                updates.Add(new ServiceRequestUpdate(e.Id, e.At, status, e.Kind == ReportEventKind.StatusChanged, e.PublicText, Open311Actor(e)));
            }
        }

        return updates;
    }

    /// <summary>
    /// Open311 never carries the reporter's name (docs/api.md), even when the report page shows it by their choice:
    /// the reporter's own steps say "The reporter"; operators, admins and FixIt keep their names.
    /// </summary>
    private static string Open311Actor(FixIt.Domain.Reports.ReportEvent e) =>
        e.ActorKind == ActorKind.Reporter ? "The reporter" : e.Actor;
}
