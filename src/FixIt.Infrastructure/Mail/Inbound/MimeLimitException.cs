namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>A message whose MIME structure is beyond the limits: parked for an admin, never parsed into entities.</summary>
public sealed class MimeLimitException(string message) : FormatException(message);
