namespace FixIt.Domain.Routing;

/// <summary>Where a report goes, and why, in words a resident can read.</summary>
public sealed record RoutingDecision(int? OperatorId, int? RuleId, string Explanation, IReadOnlyList<int> ContainingAreaIds)
{
    public static RoutingDecision Unrouted(string explanation, IReadOnlyList<int> containingAreaIds) =>
        new(null, null, explanation, containingAreaIds);
}
