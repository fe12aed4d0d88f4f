using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Routing;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.DeclineReport;

/// <summary>
/// The report's current operator says "not ours". The one use case for it, whatever the channel (the email link's
/// form, the admin API, the console): the decline is kept (<see cref="ReportDecline"/>), the reason published, the
/// report routed to the next candidate that has not declined it (or to the unrouted list), the old operator's
/// action links revoked, the new operator emailed, and the reporter and followers told.
/// </summary>
/// <param name="ReportId">The report.</param>
/// <param name="Reason">Why it is not theirs: 1–1,000 printable characters, published on the report page.</param>
/// <param name="OperatorId">
/// Whose "not ours" it is: the operator of the email link, of the console, or named in the admin API's body. Only the
/// operator the report is with can decline it, so a repeated, retried or stale decline (the report has already moved on)
/// is refused and changes nothing, rather than declining whoever holds the report now (ADR 0220).
/// </param>
/// <remarks>
/// Errors: <see cref="NotFoundException"/> (404) for an unknown report; <see cref="NotCurrentOperatorException"/> (409)
/// when the report is not with that operator (unrouted, another one, or declined meanwhile); <see cref="InvalidTransitionException"/>
/// (409) when the report is not open (<see cref="ReportStatusRules.CanDecline"/>); a validation failure (400) naming <c>reason</c>.
/// Concurrent declines: the first statement is a conditional update of the report's row on "still with that operator"
/// (a row lock held to the end of the transaction on PostgreSQL and SQL Server, which re-check the condition once the
/// lock is theirs; on SQLite the write gate already runs one command at a time), so of two declines of the same
/// operator exactly one succeeds and the other gets the 409.
/// </remarks>
public sealed record DeclineReportCommand(int ReportId, string? Reason, int OperatorId) : ICommand<DeclinedReport>
{
    /// <summary>The channel, recorded on the report's timeline.</summary>
    public EventSource Source { get; init; } = EventSource.Api;
}

/// <summary>Where the report went: the next operator (null ids/names when unrouted) and the routing explanation.</summary>
public sealed record DeclinedReport(int ReportId, ReportStatus Status, int? OperatorId, string? OperatorName, string Explanation);

internal sealed class DeclineReportHandler(IFixItDb db, IReportRouter router, IReportMailer mailer, IPublisher publisher, TimeProvider clock)
    : ICommandHandler<DeclineReportCommand, DeclinedReport>
{
    public async ValueTask<DeclinedReport> Handle(DeclineReportCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var current = command.OperatorId;

        // Claims the report's row while it is still with that operator (a no-op update: the lock, and the condition
        // checked under it). Anything read after this sees the report as the last committed decline left it.
        var claimed = await db.Reports.Where(r => r.Id == command.ReportId && r.OperatorId == current)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.OperatorId, r => r.OperatorId), cancellationToken);
        if (claimed == 0)
        {
            throw await db.Reports.AnyAsync(r => r.Id == command.ReportId, cancellationToken)
                ? (Exception)new NotCurrentOperatorException(command.ReportId)
                : new NotFoundException("Report", command.ReportId);
        }

        var report = await db.Reports.Include(r => r.Areas).Include(r => r.Declines)
            .SingleAsync(r => r.Id == command.ReportId, cancellationToken);
        if (report.OperatorId != current)
        {
            throw new NotCurrentOperatorException(command.ReportId);
        }

        if (!ReportStatusRules.CanDecline(report.Status))
        {
            throw InvalidTransitionException.NotDeclinable(report.Status, report.Id);
        }

        var operatorName = await db.Operators.Where(o => o.Id == current).Select(o => o.Name).SingleAsync(cancellationToken);
        var next = await router.RouteAsync(report.Latitude, report.Longitude, report.CategoryId, [.. report.DeclinedOperators, current],
            cancellationToken);
        var note = report.Decline(operatorName, command.Source, command.Reason!, next, now);

        // The old operator's links stop working; the new operator's email carries links of its own.
        var outstanding = await db.AccessTokens
            .Where(t => t.ReportId == report.Id && t.Purpose == TokenPurpose.Respond && t.RevokedAt == null)
            .ToListAsync(cancellationToken);
        outstanding.ForEach(t => t.Revoke(now));

        // An email to this operator still waiting in the outbox is outdated: its links were just revoked. One the
        // dispatcher holds (its lease running) is being sent now and is left to it.
        var waiting = await db.OutboxMessages
            .Where(m => m.ReportId == report.Id && m.Kind == MailKind.OperatorReport && m.OperatorId == current && m.Status == OutboxStatus.Pending
                && (m.LockedUntil == null || m.LockedUntil < now))
            .ToListAsync(cancellationToken);
        waiting.ForEach(m => m.Withdraw("Not sent: the operator declined the report before this email went out."));
        await mailer.QueueToOperatorAsync(report, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await publisher.Publish(new ReportUpdated(report.Id, note.Id), cancellationToken);

        var nextName = next.OperatorId is { } id
            ? await db.Operators.Where(o => o.Id == id).Select(o => o.Name).SingleAsync(cancellationToken)
            : null;
        return new DeclinedReport(report.Id, report.Status, next.OperatorId, nextName, next.Explanation);
    }
}

/// <summary>
/// Only the operator a report is with can decline it; becomes a 409 naming <see cref="Field"/> (the admin API's
/// <c>operator</c>). Also the answer to a repeated or stale decline: the report has already moved on.
/// </summary>
public sealed class NotCurrentOperatorException(int reportId)
    : InvalidOperationException($"Report {reportId} is not with that operator (any more), so it cannot be declined by them; nothing was changed.")
{
    /// <summary>The request field that names the operator.</summary>
    public const string Field = "operator";

    public int ReportId { get; } = reportId;
}
