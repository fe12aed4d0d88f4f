using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.ReopenReport;

/// <summary>
/// "Still not fixed": a fixed or closed report opens again. The one use case for it, whatever asked: the reporter's
/// questionnaire answer "no", the reporter's or a confirmed follower's "still not fixed" link. The report re-opens
/// with the resident's words on its timeline, the operator's contact is emailed those words with action links, and
/// the reporter and followers are told.
/// </summary>
/// <param name="ReportId">The report; a hidden one is absent (404).</param>
/// <param name="ActorKind">Who says so: the reporter (or a follower, also shown as a resident).</param>
/// <param name="Actor">The name the timeline shows.</param>
/// <param name="Words">What the resident says, optional, up to 4,000 characters; published.</param>
/// <remarks>Errors: <see cref="NotFoundException"/>; <see cref="InvalidTransitionException"/> (409) when it is not fixed or closed.</remarks>
public sealed record ReopenReportCommand(int ReportId, ActorKind ActorKind, string Actor, string? Words) : ICommand<ReopenedReport>
{
    /// <summary>The channel, recorded on the timeline.</summary>
    public EventSource Source { get; init; } = EventSource.EmailLink;
}

/// <summary>The re-opened report, and its timeline entry (<paramref name="EventId"/>) for what comes with it (photos).</summary>
public sealed record ReopenedReport(int Id, ReportStatus Status, long EventId);

internal sealed class ReopenReportHandler(IFixItDb db, IFollowUpMailer mailer, IPublisher publisher, TimeProvider clock)
    : ICommandHandler<ReopenReportCommand, ReopenedReport>
{
    public async ValueTask<ReopenedReport> Handle(ReopenReportCommand command, CancellationToken cancellationToken)
    {
        var report = await db.Reports.Where(ReportStatusRules.IsPublicReport)
            .SingleOrDefaultAsync(r => r.Id == command.ReportId, cancellationToken)
            ?? throw new NotFoundException("Report", command.ReportId);

        var reopened = report.Reopen(command.ActorKind, command.Actor, command.Source, command.Words, clock.GetUtcNow());
        await mailer.QueueReopenedAsync(report, reopened, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await publisher.Publish(new ReportUpdated(report.Id, reopened.Id), cancellationToken);
        return new ReopenedReport(report.Id, report.Status, reopened.Id);
    }
}
