namespace FixIt.Infrastructure.Persistence;

/// <summary>The database cannot take the write now (e.g. its file was deleted or replaced); nothing was stored.</summary>
public sealed class DatabaseUnavailableException(string message) : Exception(message);
