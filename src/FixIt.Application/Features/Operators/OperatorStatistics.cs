using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Operators.GetOperatorFigures;
using FixIt.Application.Features.Reports.SearchReports;
using FixIt.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Operators;

/// <summary>Response-time figures of one operator: medians and the share answered within its target.</summary>
public sealed record ResponseFigures(
    double? MedianHoursToAcknowledge,
    double? MedianHoursToFix,
    int AnsweredWithinTarget,
    int AnsweredLate,
    int OverdueUnanswered)
{
    /// <summary>Answered within the target, of those answered or already past the target unanswered.</summary>
    public double? ShareWithinTarget =>
        AnsweredWithinTarget + AnsweredLate + OverdueUnanswered is var due and > 0 ? (double)AnsweredWithinTarget / due : null;

    /// <summary>Public reports escalated to the operator's escalation contact after the reminders went unanswered.</summary>
    public int Escalated { get; init; }

    /// <summary>Public reports whose reporter answered the questionnaire "yes, it is fixed" (and not re-opened since).</summary>
    public int FixedAccordingToReporters { get; init; }
}

/// <summary>
/// The operator figures as SQL the indexes of ReportConfiguration answer without reading the table: counts
/// and range counts, and medians as "skip half of an ordered index, take one" — the same on every provider.
/// </summary>
internal sealed class OperatorStatistics(IFixItDb db, TimeProvider clock, SiteTimeZone siteZone)
{
    public async Task<ResponseFigures> ResponseAsync(OperatorInfo info, CancellationToken cancellationToken)
    {
        var id = info.Id;
        var target = info.AcknowledgeTargetDays * 86_400L;
        // Only public reports count: a report staff took down keeps its times (for when it comes back) but is in no figure.
        var reports = db.Reports.AsNoTracking().Where(r => r.OperatorId == id);
        var visible = reports.Where(ReportStatusRules.IsPublicReport);
        var answered = visible.Where(r => r.SecondsToAcknowledge != null).Select(r => r.SecondsToAcknowledge!.Value);
        var fixedIn = visible.Where(r => r.SecondsToFix != null).Select(r => r.SecondsToFix!.Value);

        var answeredCount = await answered.CountAsync(cancellationToken);
        var withinTarget = await answered.CountAsync(s => s <= target, cancellationToken);
        var cutoff = clock.GetUtcNow().AddDays(-info.AcknowledgeTargetDays);
        var overdue = await reports.CountAsync(r => r.SecondsToAcknowledge == null && r.Status == ReportStatus.Open
            && r.ConfirmedAt != null && r.ConfirmedAt <= cutoff, cancellationToken);

        return new ResponseFigures(
            Hours(await MedianAsync(answered, answeredCount, cancellationToken)),
            Hours(await MedianAsync(fixedIn, null, cancellationToken)),
            withinTarget,
            answeredCount - withinTarget,
            overdue)
        {
            Escalated = await visible.CountAsync(r => r.EscalatedAt != null, cancellationToken),
            FixedAccordingToReporters = await visible.CountAsync(r => r.FixedByReporterAt != null, cancellationToken),
        };
    }

    /// <summary>Open reports by publication time; one index range per open status, merged here.</summary>
    public async Task<IReadOnlyList<ReportRow>> OpenReportsAsync(int operatorId, bool oldestFirst, int count, CancellationToken cancellationToken)
    {
        var rows = new List<(DateTimeOffset? At, ReportRow Row)>();
        foreach (var status in ReportStatusRules.StatusesOf(StatusType.Open))
        {
            var q = db.Reports.AsNoTracking().Where(r => r.OperatorId == operatorId && r.Status == status);
            q = oldestFirst ? q.OrderBy(r => r.ConfirmedAt).ThenBy(r => r.Id) : q.OrderByDescending(r => r.ConfirmedAt).ThenByDescending(r => r.Id);
            rows.AddRange(await q.Take(count)
                .Select(r => new ValueTuple<DateTimeOffset?, ReportRow>(r.ConfirmedAt,
                    new ReportRow(r.Id, r.Title, r.CategoryId, r.Status, r.Latitude, r.Longitude, r.CreatedAt, r.OperatorId)))
                .ToListAsync(cancellationToken));
        }

        var ordered = oldestFirst ? rows.OrderBy(r => r.At).ThenBy(r => r.Row.Id) : rows.OrderByDescending(r => r.At).ThenByDescending(r => r.Row.Id);
        return [.. ordered.Take(count).Select(r => r.Row)];
    }

    /// <summary>Reports published and fixed in each of the last months, oldest month first.</summary>
    public async Task<IReadOnlyList<MonthCount>> TrendAsync(int operatorId, int months, CancellationToken cancellationToken)
    {
        // Months are the site's local months (Site:TimeZone): a report confirmed late on 31 March UTC is April in Auckland.
        var now = clock.GetUtcNow();
        var visible = db.Reports.AsNoTracking().Where(ReportStatusRules.IsPublicReport);
        var trend = new List<MonthCount>(months);
        for (var i = months - 1; i >= 0; i--)
        {
            var month = siteZone.Month(now, -i);
            var from = siteZone.StartOf(month);
            var to = siteZone.StartOf(month.AddMonths(1));
            var reported = await visible.CountAsync(r => r.OperatorId == operatorId && r.ConfirmedAt >= from && r.ConfirmedAt < to, cancellationToken);
            var fixedCount = await visible.CountAsync(r => r.OperatorId == operatorId && r.FixedAt >= from && r.FixedAt < to, cancellationToken);
            trend.Add(new MonthCount(month, reported, fixedCount));
        }

        return trend;
    }

    private static async Task<double?> MedianAsync(IQueryable<long> values, int? knownCount, CancellationToken cancellationToken)
    {
        var n = knownCount ?? await values.CountAsync(cancellationToken);
        if (n == 0)
        {
            return null;
        }

        var middle = await values.OrderBy(v => v).Skip((n - 1) / 2).Take(n % 2 == 0 ? 2 : 1).ToListAsync(cancellationToken);
        return middle.Average();
    }

    private static double? Hours(double? seconds) => seconds / 3600;
}
