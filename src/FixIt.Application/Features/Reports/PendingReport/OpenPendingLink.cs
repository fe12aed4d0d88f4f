using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Common.Tokens;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.PendingReport;

/// <summary>
/// The submitter opens their secret link: the report's status when the token opens this report and the report may be
/// shown by link; otherwise not found, exactly as for a report that does not exist. Changes nothing.
/// </summary>
public sealed record OpenPendingLinkQuery(int ReportId, string Token) : IQuery<ReportStatus>;

internal sealed class OpenPendingLinkHandler(IFixItDb db, TimeProvider clock) : IQueryHandler<OpenPendingLinkQuery, ReportStatus>
{
    public async ValueTask<ReportStatus> Handle(OpenPendingLinkQuery query, CancellationToken cancellationToken)
    {
        if (await PendingLinks.OpensAsync(db, query.ReportId, query.Token, clock.GetUtcNow(), cancellationToken))
        {
            var status = await db.Reports.AsNoTracking().Where(r => r.Id == query.ReportId).Select(r => (ReportStatus?)r.Status)
                .SingleOrDefaultAsync(cancellationToken);
            if (status is { } shown && ReportStatusRules.IsShownByLink(shown))
            {
                return shown;
            }
        }

        throw new NotFoundException("Report", query.ReportId);
    }
}
