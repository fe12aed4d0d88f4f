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
/// <param name="OperatorId">When given, the operator declining (a console user's operator); it must be the current one.</param>
/// <remarks>
/// Errors: <see cref="NotFoundException"/> (404) for an unknown report; <see cref="NotCurrentOperatorException"/> (409)
/// when the report has no operator or another one; <see cref="InvalidTransitionException"/> (409) when the report is
/// not open (<see cref="ReportStatusRules.CanDecline"/>); a validation failure (400) naming <c>reason</c>.
/// </remarks>
public sealed record DeclineReportCommand(int ReportId, string? Reason, int? OperatorId = null) : ICommand<DeclinedReport>
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
        var report = await db.Reports.Include(r => r.Areas).Include(r => r.Declines)
            .SingleOrDefaultAsync(r => r.Id == command.ReportId, cancellationToken)
            ?? throw new NotFoundException("Report", command.ReportId);
        if (report.OperatorId is not { } current || (command.OperatorId is { } claimed && claimed != current))
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
        await mailer.QueueToOperatorAsync(report, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await publisher.Publish(new ReportUpdated(report.Id, note.Id), cancellationToken);

        var nextName = next.OperatorId is { } id
            ? await db.Operators.Where(o => o.Id == id).Select(o => o.Name).SingleAsync(cancellationToken)
            : null;
        return new DeclinedReport(report.Id, report.Status, next.OperatorId, nextName, next.Explanation);
    }
}

/// <summary>Only the operator a report is with can decline it; becomes a 409.</summary>
public sealed class NotCurrentOperatorException(int reportId)
    : InvalidOperationException($"Report {reportId} is not with that operator, so it cannot be declined by them.");
