namespace FixIt.Application.Common;

/// <summary>Something cannot be removed or changed because other data depends on it; becomes a 409.</summary>
public sealed class InUseException(string message) : Exception(message);
