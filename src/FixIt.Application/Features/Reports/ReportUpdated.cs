using FixIt.Domain.Reports;
using Mediator;

namespace FixIt.Application.Features.Reports;

/// <summary>
/// Something the reporter should hear about was added to a report's public timeline (an operator's reply,
/// a status change). Published inside the command's transaction, so a handler that queues mail in the
/// outbox commits or rolls back with the update itself.
/// </summary>
public sealed record ReportUpdated(int ReportId, long EventId, ActorKind ActorKind, EventSource Source) : INotification;
