using FixIt.Application.Abstractions;
using FixIt.Domain.Routing;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Routing;

/// <summary>What a routing dry run shows: the containing areas, every candidate in order, and the decision.</summary>
public sealed record RoutingExplanation(long IndexVersion, IReadOnlyList<ContainingArea> Areas, IReadOnlyList<RoutingCandidate> Candidates,
    RoutingDecision Decision);

/// <summary>The in-memory routing index, seen from the use cases.</summary>
public interface IRoutingIndexControl
{
    /// <summary>
    /// After a committed routing change (<see cref="IChangesRouting"/>): rebuilds now if the stored routing version moved
    /// and this process already serves an index. A process that has built none (the command-line verbs) does not build
    /// one just for this; the first lookup does.
    /// </summary>
    Task RefreshAfterChangeAsync(CancellationToken cancellationToken);

    /// <summary>All candidates for a point; with no category, rules of every category are listed.</summary>
    Task<RoutingExplanation> ExplainAsync(double latitude, double longitude, int? categoryId,
        IReadOnlyCollection<int> excludedOperatorIds, CancellationToken cancellationToken);
}

public static class RoutingVersionExtensions
{
    /// <summary>Marks the routing data as changed, inside the caller's transaction.</summary>
    public static Task BumpRoutingVersionAsync(this IFixItDb db, CancellationToken cancellationToken) =>
        db.RoutingVersions.Where(v => v.Id == RoutingVersion.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), cancellationToken);
}
