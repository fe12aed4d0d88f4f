using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.ConfirmByEmail;

/// <summary>The report a resident acts on by an emailed link (updates, following, "me too"): public, tracked; a hidden one says so (410), any other is not found.</summary>
internal static class PublicReports
{
    public static async Task<Report> RequireAsync(IFixItDb db, int reportId, CancellationToken cancellationToken)
    {
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is not null && ReportStatusRules.IsRemoved(report.Status, report.StatusBeforeHidden))
        {
            throw new ReportRemovedException(reportId);
        }

        return report is not null && ReportStatusRules.IsPublic(report.Status) ? report : throw new NotFoundException("Report", reportId);
    }
}
