using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Messaging;
using FixIt.Domain.Moderation;
using FixIt.Domain.Reports;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Moderation.HideReport;

/// <summary>
/// Staff take a report down (<paramref name="Hide"/> true) or bring it back (false). Hidden, it answers 410 Gone at its
/// page and API and is on no public list (<see cref="ReportStatusRules.IsPublic(ReportStatus)"/>); brought back, it has
/// the status it had before. The action and its reason go to the audit log in the same transaction.
/// </summary>
/// <remarks>Errors: 404 unknown report; 409 hiding a hidden report or unhiding a shown one; 400 naming <c>reason</c>.</remarks>
public sealed record HideReportCommand(int ReportId, bool Hide, string? Reason, StaffActor Actor) : ICommand<ModeratedReport>;

/// <summary>The report's status after a moderation action.</summary>
public sealed record ModeratedReport(int ReportId, ReportStatus Status);

internal sealed class HideReportValidator : AbstractValidator<HideReportCommand>
{
    public HideReportValidator() => RuleFor(c => c.Reason).Reason();
}

internal sealed class HideReportHandler(IFixItDb db, IReportMailer mailer, TimeProvider clock) : ICommandHandler<HideReportCommand, ModeratedReport>
{
    public async ValueTask<ModeratedReport> Handle(HideReportCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == command.ReportId, cancellationToken)
            ?? throw new NotFoundException("Report", command.ReportId);
        var before = report.Status;
        var reason = command.Reason!.Trim();
        var reportEvent = command.Hide ? report.Hide(reason, now) : report.Unhide(reason, now);
        if (!command.Hide && report.SentAt is null && report.StatusType == StatusType.Open
            && !await db.OutboxMessages.AnyAsync(m => m.ReportId == report.Id && m.Kind == MailKind.OperatorReport && m.Status == OutboxStatus.Pending,
                cancellationToken))
        {
            // Hidden before it was sent (a blocked sender's, ADR 0150): back in view, it goes to its operator like any confirmed report.
            await mailer.QueueToOperatorAsync(report, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry(command.Actor, command.Hide ? AuditActions.HideReport : AuditActions.UnhideReport, now, reason,
            reportId: report.Id, updateId: reportEvent.Id,
            before: ModerationRules.Json(new Dictionary<string, object?> { ["status"] = before.ToString() }),
            after: ModerationRules.Json(new Dictionary<string, object?> { ["status"] = report.Status.ToString() })));
        await db.SaveChangesAsync(cancellationToken);
        return new ModeratedReport(report.Id, report.Status);
    }
}
