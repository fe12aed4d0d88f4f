using System.Runtime.CompilerServices;
using FixIt.Application.Abstractions;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.OperatorConsole.ExportOperatorUpdates;

/// <summary>
/// The public timeline entries (status changes, notes, replies, re-routings) made in a date range on the public reports an
/// operator now has, oldest first, streamed for the console's CSV. Exactly what the report pages show: an entry staff hid,
/// or one never public, is not in it; the actor is the name the timeline shows, never an address.
/// </summary>
public sealed record ExportOperatorUpdatesQuery(int OperatorId, DateTimeOffset From, DateTimeOffset Before) : IStreamQuery<UpdateRow>;

public sealed record UpdateRow(int ReportId, long UpdateId, DateTimeOffset At, ReportEventKind Kind, string Actor, EventSource Source,
    ReportStatus? FromStatus, ReportStatus? ToStatus, string? Text);

internal sealed class ExportOperatorUpdatesHandler(IFixItDb db) : IStreamQueryHandler<ExportOperatorUpdatesQuery, UpdateRow>
{
    public async IAsyncEnumerable<UpdateRow> Handle(ExportOperatorUpdatesQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reports = db.Reports.AsNoTracking().Where(ReportStatusRules.IsPublicReport).Where(r => r.OperatorId == query.OperatorId).Select(r => r.Id);
        var rows = db.ReportEvents.AsNoTracking()
            .Where(e => e.IsPublic && e.At >= query.From && e.At < query.Before && reports.Contains(e.ReportId))
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new UpdateRow(e.ReportId, e.Id, e.At, e.Kind, e.Actor, e.Source, e.FromStatus, e.ToStatus, e.PublicText))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }
}
