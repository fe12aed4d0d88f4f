using FixIt.Application.Abstractions;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Operators.ExportOperatorReports;

/// <summary>
/// Where the page after this one starts (the id its "after" is), or null when this page holds the last report.
/// Asked before the page is streamed, so the next-page link can go in the response headers.
/// </summary>
public sealed record NextExportPageQuery(int OperatorId, int AfterId, int Limit) : IQuery<int?>;

internal sealed class NextExportPageHandler(IFixItDb db) : IQueryHandler<NextExportPageQuery, int?>
{
    public async ValueTask<int?> Handle(NextExportPageQuery query, CancellationToken cancellationToken)
    {
        // The last id of this page and, if there is one, the first of the next.
        var boundary = await ExportedReports.Of(db, query.OperatorId, query.AfterId).Select(r => r.Id)
            .Skip(query.Limit - 1).Take(2).ToListAsync(cancellationToken);
        return boundary.Count == 2 ? boundary[0] : null;
    }
}

/// <summary>The reports an export lists, in the order it pages through them (by id, so pages never overlap).</summary>
internal static class ExportedReports
{
    public static IQueryable<Report> Of(IFixItDb db, int operatorId, int afterId)
        => db.Reports.AsNoTracking()
            .Where(ReportStatusRules.IsPublicReport)
            .Where(r => r.OperatorId == operatorId && r.Id > afterId)
            .OrderBy(r => r.Id);
}
