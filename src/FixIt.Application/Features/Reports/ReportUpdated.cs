using Mediator;

namespace FixIt.Application.Features.Reports;

/// <summary>
/// Published by a command handler after it saved a public update to a report (a status change, an
/// operator's note or reply, a re-routing). Handlers run inside the same transaction, so what they
/// write (an outbox message to subscribers, say) commits or rolls back with the update itself.
/// </summary>
public sealed record ReportUpdated(int ReportId, long EventId) : INotification
{
    /// <summary>The follower who wrote the update, when one did: they are not emailed their own words.</summary>
    public long? AuthorSubscriptionId { get; init; }
}
