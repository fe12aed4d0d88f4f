namespace FixIt.Infrastructure.Persistence;

/// <summary>Something tried to change or delete an audit log entry; nothing of that save is written.</summary>
public sealed class AuditLogWriteException(long entryId, string state)
    : InvalidOperationException($"Audit log entry {entryId} cannot be {state.ToLowerInvariant()}: the audit log is append-only.");
