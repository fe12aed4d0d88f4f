namespace FixIt.Application.Common;

/// <summary>Thrown when a named thing does not exist; becomes a 404 ProblemDetails.</summary>
public sealed class NotFoundException(string what, object key) : Exception($"{what} {key} was not found.")
{
    public string What { get; } = what;

    public object Key { get; } = key;

    /// <summary>"Report 7 was not found.", in the current UI culture (the request's) when read: ValidationText's <c>NotFound.{What}</c>.</summary>
    public override string Message => ValidationText.Find($"NotFound.{What}", Key) ?? base.Message;

    /// <summary>"Report not found.", in the current UI culture: ValidationText's <c>NotFoundTitle.{What}</c>.</summary>
    public string Title => ValidationText.Find($"NotFoundTitle.{What}") ?? $"{What} not found.";
}
