using FixIt.Application.Abstractions;
using FixIt.Domain.Moderation;
using FixIt.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Moderation.ListFlags;

/// <summary>
/// One flagged report or update as staff see it: how many open flags, why, the residents' words, and when. The public
/// never sees any of it.
/// </summary>
public sealed record FlaggedItem(int ReportId, long? UpdateId, string ReportTitle, string? UpdateActor, string? UpdateText, int Count,
    IReadOnlyList<FlagReasonCount> Reasons, IReadOnlyList<string> Details, DateTimeOffset FirstAt, DateTimeOffset LastAt);

/// <summary>How many of an item's flags gave one reason (<see cref="FlagReasons.Slug"/>).</summary>
public sealed record FlagReasonCount(string Reason, int Count);

/// <summary>The one rule for which flags count and how they add up, for the queue and the digest alike.</summary>
internal static class FlaggedItems
{
    /// <summary>Open flags on what the public can still see: a hidden report or update has nothing left to moderate.</summary>
    public static IQueryable<ReportFlag> OpenOnVisible(IFixItDb db)
    {
        var publicReports = db.Reports.Where(ReportStatusRules.IsPublicReport).Select(r => r.Id);
        var publicUpdates = db.ReportEvents.Where(e => e.IsPublic).Select(e => e.Id);
        return db.ReportFlags.AsNoTracking()
            .Where(f => f.DismissedAt == null && publicReports.Contains(f.ReportId))
            .Where(f => f.UpdateId == null || publicUpdates.Contains(f.UpdateId.Value));
    }

    /// <summary>The flags grouped by item, most-flagged first (then the most recently flagged).</summary>
    public static async Task<IReadOnlyList<FlaggedItem>> DescribeAsync(IFixItDb db, IReadOnlyCollection<ReportFlag> flags, int limit,
        CancellationToken cancellationToken)
    {
        var groups = flags.GroupBy(f => (f.ReportId, f.UpdateId))
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Max(f => f.CreatedAt)).ThenBy(g => g.Key.ReportId)
            .Take(limit).ToList();
        var reportIds = groups.Select(g => g.Key.ReportId).Distinct().ToList();
        var updateIds = groups.Where(g => g.Key.UpdateId is not null).Select(g => g.Key.UpdateId!.Value).ToList();
        var titles = await db.Reports.AsNoTracking().Where(r => reportIds.Contains(r.Id)).Select(r => new { r.Id, r.Title })
            .ToDictionaryAsync(r => r.Id, r => r.Title, cancellationToken);
        var updates = await db.ReportEvents.AsNoTracking().Where(e => updateIds.Contains(e.Id)).Select(e => new { e.Id, e.Actor, e.PublicText })
            .ToDictionaryAsync(e => e.Id, cancellationToken);

        return [.. groups.Select(g =>
        {
            var update = g.Key.UpdateId is { } id ? updates.GetValueOrDefault(id) : null;
            return new FlaggedItem(g.Key.ReportId, g.Key.UpdateId, titles.GetValueOrDefault(g.Key.ReportId, ""), update?.Actor, update?.PublicText,
                g.Count(),
                [.. g.GroupBy(f => f.Reason).OrderByDescending(r => r.Count()).ThenBy(r => r.Key).Select(r => new FlagReasonCount(r.Key.Slug(), r.Count()))],
                [.. g.Where(f => f.Details is not null).OrderByDescending(f => f.Id).Take(5).Select(f => f.Details!)],
                g.Min(f => f.CreatedAt), g.Max(f => f.CreatedAt));
        })];
    }
}
