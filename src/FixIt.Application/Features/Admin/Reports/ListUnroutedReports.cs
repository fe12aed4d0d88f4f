using FixIt.Application.Abstractions;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Reports;

/// <summary>Reports no rule routes (or every candidate declined): kept, waiting for an administrator.</summary>
public sealed record ListUnroutedReportsQuery : IQuery<IReadOnlyList<UnroutedReportView>>;

/// <summary>One unrouted report, with the areas its point is in and every "not ours" it has had, oldest first.</summary>
public sealed record UnroutedReportView(int Id, string Title, string CategoryCode, double Latitude, double Longitude, ReportStatus Status,
    DateTimeOffset CreatedAt, string RoutingExplanation, IReadOnlyList<ReportAreaView> Areas, IReadOnlyList<ReportDeclineView> Declines);

/// <summary>An area containing the report's point.</summary>
public sealed record ReportAreaView(int Id, string Kind, string Code, string Name);

/// <summary>An operator's "not ours": who, when (UTC) and why (empty for declines recorded before reasons were kept).</summary>
public sealed record ReportDeclineView(int OperatorId, string OperatorName, DateTimeOffset At, string Reason);

internal sealed class ListUnroutedReportsHandler(IFixItDb db) : IQueryHandler<ListUnroutedReportsQuery, IReadOnlyList<UnroutedReportView>>
{
    public async ValueTask<IReadOnlyList<UnroutedReportView>> Handle(ListUnroutedReportsQuery query, CancellationToken cancellationToken)
    {
        var reports = await (from r in db.Reports.AsNoTracking()
                             join c in db.Categories on r.CategoryId equals c.Id
                             where r.OperatorId == null
                             orderby r.Id
                             select new
                             {
                                 r.Id,
                                 r.Title,
                                 c.Code,
                                 r.Latitude,
                                 r.Longitude,
                                 r.Status,
                                 r.CreatedAt,
                                 r.RoutingExplanation,
                                 Areas = (from ra in r.Areas
                                          join a in db.Areas on ra.AreaId equals a.Id
                                          orderby a.Size, a.Id
                                          select new ReportAreaView(a.Id, a.Kind, a.Code, a.Name)).ToList(),
                                 Declines = (from d in r.Declines
                                             join o in db.Operators on d.OperatorId equals o.Id
                                             orderby d.At, d.Id
                                             select new ReportDeclineView(o.Id, o.Name, d.At, d.Reason)).ToList(),
                             })
            .ToListAsync(cancellationToken);
        return [.. reports.Select(r => new UnroutedReportView(r.Id, r.Title, r.Code, r.Latitude, r.Longitude, r.Status, r.CreatedAt,
            r.RoutingExplanation, r.Areas, r.Declines))];
    }
}
