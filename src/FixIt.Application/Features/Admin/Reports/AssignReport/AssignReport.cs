using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Moderation;
using FixIt.Domain.Moderation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Reports.AssignReport;

/// <summary>
/// An administrator gives an unrouted report to an operator (from the unrouted queue): the report records it as a
/// re-route, and an open, public report is emailed to the operator at once through the same mailer call as a decline's
/// next operator. Audited. Errors: 404 unknown report; 400 naming <c>operator</c>; 409 when the report already has an operator.
/// </summary>
public sealed record AssignReportCommand(int ReportId, string? Operator, StaffActor Actor) : ICommand<AssignedReport>;

/// <summary>Sent: the operator's email is queued (false for a report not yet public, or an operator with no contact for it).</summary>
public sealed record AssignedReport(int ReportId, int OperatorId, string OperatorName, string Explanation, bool Sent);

internal sealed class AssignReportHandler(IFixItDb db, IReportMailer mailer, TimeProvider clock) : ICommandHandler<AssignReportCommand, AssignedReport>
{
    public async ValueTask<AssignedReport> Handle(AssignReportCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var report = await db.Reports.Include(r => r.Areas).SingleOrDefaultAsync(r => r.Id == command.ReportId, cancellationToken)
            ?? throw new NotFoundException("Report", command.ReportId);
        var slug = command.Operator!.Trim();
        var target = await db.Operators.Where(o => o.Slug == slug).Select(o => new { o.Id, o.Name }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("operator", $"There is no operator '{slug}'.")]);
        var send = report.AssignTo(target.Id, target.Name, now);
        var sent = send && await mailer.QueueToOperatorAsync(report, cancellationToken);
        db.AuditEntries.Add(new AuditEntry(command.Actor, AuditActions.AssignReport, now, null, reportId: report.Id,
            before: ModerationRules.Json(new Dictionary<string, object?> { ["operatorId"] = null }),
            after: ModerationRules.Json(new Dictionary<string, object?> { ["operatorId"] = target.Id })));
        await db.SaveChangesAsync(cancellationToken);
        return new AssignedReport(report.Id, target.Id, target.Name, report.RoutingExplanation, sent);
    }
}

internal sealed class AssignReportValidator : AbstractValidator<AssignReportCommand>
{
    public AssignReportValidator() => RuleFor(c => c.Operator).NotEmpty().WithMessage(_ => AdminText.Get("Choose the operator to send the report to."));
}
