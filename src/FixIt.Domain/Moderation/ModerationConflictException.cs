namespace FixIt.Domain.Moderation;

/// <summary>A moderation action that does not fit the current state (hide what is hidden, unhide what is shown); a 409.</summary>
public sealed class ModerationConflictException(string message) : InvalidOperationException(message);
