namespace FixIt.Application.Common;

/// <summary>An operator-scoped key asked for another operator's data; becomes a 403.</summary>
public sealed class OutOfScopeException(string what) : Exception($"This API key may not see {what}.");
