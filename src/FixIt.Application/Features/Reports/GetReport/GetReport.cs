using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.GetReport;

/// <summary>The public view of one report: never the reporter's email or phone.</summary>
public sealed record GetReportQuery(int Id) : IQuery<ReportView>
{
    /// <summary>
    /// Set only by a caller that has checked one of this report's own link tokens (the submitter's secret link, the
    /// confirm link): the report is then shown while it awaits confirmation too (<see cref="ReportStatusRules.IsShownByLink"/>).
    /// </summary>
    public bool ShownByLink { get; init; }
}

public sealed record ReportView(
    int Id,
    string Title,
    string Description,
    string CategoryCode,
    string CategoryName,
    ReportStatus Status,
    StatusType StatusType,
    double Latitude,
    double Longitude,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? FixedAt,
    DateTimeOffset? ClosedAt,
    string? ReporterName,
    string? OperatorName,
    string? OperatorSlug,
    string RoutingExplanation,
    IReadOnlyList<ReportEventView> Events)
{
    /// <summary>The nearest named place from the gazetteer ("Stop 4, Park Lane"), if one was near.</summary>
    public string? NearPlace { get; init; }

    /// <summary>When a moderator last corrected the title or description: the page says "edited by a moderator".</summary>
    public DateTimeOffset? EditedAt { get; init; }

    /// <summary>The report this one duplicates, when staff said so.</summary>
    public int? DuplicateOf { get; init; }

    /// <summary>Public reports staff marked as duplicates of this one.</summary>
    public IReadOnlyList<int> Duplicates { get; init; } = [];

    /// <summary>People who confirmed "me too" on this report (the reporter not included); never who they are.</summary>
    public int SupporterCount { get; init; }

    /// <summary>The responsible operator's target for a first answer, in days; null while nobody is responsible.</summary>
    public int? AcknowledgeTargetDays { get; init; }

    /// <summary><see cref="RoutingExplanation"/> (the technical form staff read) in words a resident reads.</summary>
    public string RoutingInWords => Domain.Routing.RoutingWording.Plain(RoutingExplanation);
}

/// <param name="Id">The event's id: Open311's <c>update_id</c>, and what staff hide it by.</param>
public sealed record ReportEventView(
    long Id,
    DateTimeOffset At,
    ReportEventKind Kind,
    string Actor,
    EventSource Source,
    ReportStatus? FromStatus,
    ReportStatus? ToStatus,
    string? Text)
{
    /// <summary>Photos that came with this update (an emailed reply's images), served at /reports/{id}/photos/{photoId}.</summary>
    public IReadOnlyList<long> PhotoIds { get; init; } = [];
}

internal sealed class GetReportHandler(IFixItDb db) : IQueryHandler<GetReportQuery, ReportView>
{
    public async ValueTask<ReportView> Handle(GetReportQuery query, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking()
            .Include(r => r.Events)
            .SingleOrDefaultAsync(r => r.Id == query.Id, cancellationToken);

        // At its public addresses a report staff took down says so (410); through its own links (ADR 0042), and while it
        // awaits confirmation (or was hidden before it was ever confirmed), it answers exactly as one that does not exist.
        if (report is not null && !query.ShownByLink && ReportStatusRules.IsRemoved(report.Status, report.StatusBeforeHidden))
        {
            throw new ReportRemovedException(query.Id);
        }

        if (report is null || !(query.ShownByLink ? ReportStatusRules.IsShownByLink(report.Status) : ReportStatusRules.IsPublic(report.Status)))
        {
            throw new NotFoundException("Report", query.Id);
        }

        var category = await db.Categories.AsNoTracking().SingleAsync(c => c.Id == report.CategoryId, cancellationToken);
        var op = report.OperatorId is { } operatorId
            ? await db.Operators.AsNoTracking().Where(o => o.Id == operatorId).Select(o => new { o.Name, o.Slug, o.AcknowledgeTargetDays })
                .SingleOrDefaultAsync(cancellationToken)
            : null;

        var photos = (await db.UpdatePhotos.AsNoTracking().Where(p => p.ReportId == report.Id)
                .Select(p => new { p.Id, p.ReportEventId }).ToListAsync(cancellationToken))
            .ToLookup(p => p.ReportEventId, p => p.Id);
        var events = report.Events
            .Where(e => e.IsPublic)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new ReportEventView(e.Id, e.At, e.Kind, e.Actor, e.Source, e.FromStatus, e.ToStatus, e.PublicText)
            {
                PhotoIds = [.. photos[e.Id].Order()],
            })
            .ToList();
        var supporters = await db.ReportSupports.CountAsync(s => s.ReportId == report.Id && s.ConfirmedAt != null, cancellationToken);

        return new ReportView(report.Id, report.Title, report.Description, category.Code, category.Name,
            report.Status, report.StatusType, report.Latitude, report.Longitude,
            report.CreatedAt, report.UpdatedAt, report.ConfirmedAt, report.SentAt, report.AcknowledgedAt, report.FixedAt, report.ClosedAt,
            report.ShowName ? report.ReporterName : null,
            op?.Name, op?.Slug, report.RoutingExplanation, events)
        {
            NearPlace = report.NearPlace,
            EditedAt = report.EditedAt,
            DuplicateOf = report.DuplicateOfId,
            Duplicates = await db.Reports.AsNoTracking().Where(ReportStatusRules.IsPublicReport)
                .Where(r => r.DuplicateOfId == report.Id).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken),
            SupporterCount = supporters,
            AcknowledgeTargetDays = op?.AcknowledgeTargetDays,
        };
    }
}
