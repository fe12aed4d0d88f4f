namespace FixIt.Application.Routing;

/// <summary>Thrown when an import file cannot be read at all (malformed, truncated, too large).</summary>
public sealed class ImportFileException(string message, Exception? inner = null) : Exception(message, inner)
{
    public bool TooLarge { get; init; }
}
