namespace FixIt.Application.Common;

/// <summary>Thrown when a named thing does not exist; becomes a 404 ProblemDetails.</summary>
public sealed class NotFoundException(string what, object key) : Exception($"{what} {key} was not found.")
{
    public string What { get; } = what;

    public object Key { get; } = key;
}
