using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Routing;
using FixIt.Domain.Messaging;
using FixIt.Domain.Moderation;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Moderation.EditReport;

/// <summary>
/// A moderator corrects a report; a null field stays as it is. Title and description: the reporter's wording is kept
/// for staff, the public sees "edited by a moderator" with the date. <c>HideReporterName</c>: the name off (true) or
/// back on (false) public view. Category or pin: the report is routed again the way a decline re-routes it (operators
/// that declined it stay excluded), the explanation updated, and re-sent when the responsible operator changes (the
/// old operator's action links revoked). Everything changed goes to the audit log, before and after.
/// </summary>
/// <remarks>Errors: 404 unknown report; 400 naming <c>reason</c>, a field that is not valid, or <c>body</c> when nothing is given.</remarks>
public sealed record EditReportCommand(int ReportId, string? Reason, StaffActor Actor) : ICommand<EditedReport>
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? CategoryCode { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public bool? HideReporterName { get; init; }
}

/// <summary>The report after the correction, with the reporter's original wording (null where never corrected).</summary>
public sealed record EditedReport(int ReportId, string Title, string Description, string? OriginalTitle, string? OriginalDescription,
    DateTimeOffset? EditedAt, string CategoryCode, double Latitude, double Longitude, bool ShowsReporterName, int? OperatorId,
    string RoutingExplanation, bool Resent);

internal sealed class EditReportHandler(IFixItDb db, IReportRouter router, IReportMailer mailer, TimeProvider clock)
    : ICommandHandler<EditReportCommand, EditedReport>
{
    public async ValueTask<EditedReport> Handle(EditReportCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        IQueryable<Report> reports = db.Reports.Include(r => r.Areas).Include(r => r.Declines);
        var report = await (command.HideReporterName is null ? reports : reports.Include(r => r.Events))
            .SingleOrDefaultAsync(r => r.Id == command.ReportId, cancellationToken)
            ?? throw new NotFoundException("Report", command.ReportId);
        var oldCategory = await db.Categories.Where(c => c.Id == report.CategoryId).Select(c => c.Code).SingleAsync(cancellationToken);
        var before = new Dictionary<string, object?>();
        var after = new Dictionary<string, object?>();
        void Changed(string field, object? from, object? to)
        {
            if (!Equals(from, to))
            {
                before[field] = from;
                after[field] = to;
            }
        }

        var (title, description) = (report.Title, report.Description);
        report.CorrectText(command.Title, command.Description, now);
        Changed("title", title, report.Title);
        Changed("description", description, report.Description);

        if (command.HideReporterName is { } hide)
        {
            var shown = report.ShowName;
            report.HideReporterName(hide, now);
            Changed("showReporterName", shown, report.ShowName);
        }

        var resent = false;
        var category = command.CategoryCode is { } code
            ? await db.Categories.Where(c => c.Code == code).Select(c => new { c.Id, c.Code }).SingleAsync(cancellationToken)
            : new { Id = report.CategoryId, Code = oldCategory };
        var (latitude, longitude) = (command.Latitude ?? report.Latitude, command.Longitude ?? report.Longitude);
        if (category.Id != report.CategoryId || latitude != report.Latitude || longitude != report.Longitude)
        {
            var (operatorBefore, explanationBefore) = (report.OperatorId, report.RoutingExplanation);
            Changed("categoryCode", oldCategory, category.Code);
            Changed("latitude", report.Latitude, latitude);
            Changed("longitude", report.Longitude, longitude);
            var routing = await router.RouteAsync(latitude, longitude, category.Id, report.DeclinedOperators, cancellationToken);
            resent = report.Relocate(category.Id, latitude, longitude, routing, now);
            Changed("operatorId", operatorBefore, report.OperatorId);
            Changed("routingExplanation", explanationBefore, report.RoutingExplanation);
            if (resent)
            {
                // The old operator's links stop working; the new operator's email carries links of its own.
                var outstanding = await db.AccessTokens
                    .Where(t => t.ReportId == report.Id && t.Purpose == TokenPurpose.Respond && t.RevokedAt == null)
                    .ToListAsync(cancellationToken);
                outstanding.ForEach(t => t.Revoke(now));
                resent = await mailer.QueueToOperatorAsync(report, cancellationToken);
            }
        }

        var reason = command.Reason!.Trim();
        db.AuditEntries.Add(new AuditEntry(command.Actor, AuditActions.EditReport, now, reason, reportId: report.Id,
            before: ModerationRules.Json(before), after: ModerationRules.Json(after)));
        await db.SaveChangesAsync(cancellationToken);
        return new EditedReport(report.Id, report.Title, report.Description, report.OriginalTitle, report.OriginalDescription, report.EditedAt,
            category.Code, report.Latitude, report.Longitude, report.ShowName, report.OperatorId, report.RoutingExplanation, resent);
    }
}
