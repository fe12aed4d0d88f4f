using FixIt.Application.Abstractions;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Reports;

/// <summary>Reports no rule routes (or every candidate declined): kept, waiting for an administrator.</summary>
public sealed record ListUnroutedReportsQuery : IQuery<IReadOnlyList<UnroutedReportView>>;

public sealed record UnroutedReportView(int Id, string Title, string CategoryCode, double Latitude, double Longitude, ReportStatus Status,
    DateTimeOffset CreatedAt, string RoutingExplanation, string ContainingAreaIds, string DeclinedOperatorIds);

internal sealed class ListUnroutedReportsHandler(IFixItDb db) : IQueryHandler<ListUnroutedReportsQuery, IReadOnlyList<UnroutedReportView>>
{
    public async ValueTask<IReadOnlyList<UnroutedReportView>> Handle(ListUnroutedReportsQuery query, CancellationToken cancellationToken) =>
        await (from r in db.Reports.AsNoTracking()
               join c in db.Categories on r.CategoryId equals c.Id
               where r.OperatorId == null
               orderby r.Id
               select new UnroutedReportView(r.Id, r.Title, c.Code, r.Latitude, r.Longitude, r.Status, r.CreatedAt,
                   r.RoutingExplanation, r.ContainingAreaIds, r.DeclinedOperatorIds))
            .ToListAsync(cancellationToken);
}
