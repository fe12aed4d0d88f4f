namespace FixIt.Application.Common.Tokens;

/// <summary>A link that cannot be acted on; unknown becomes 404, the others 410 Gone.</summary>
public sealed class LinkTokenException(LinkTokenProblem problem) : Exception($"The link is {problem.ToString().ToLowerInvariant()}.")
{
    public LinkTokenProblem Problem { get; } = problem;
}
