namespace FixIt.Domain.Routing;

/// <summary>An area that contains the point being routed; code and kind as the boundary data names it.</summary>
public sealed record ContainingArea(int Id, string Name, string Code, string Kind, double Size);

/// <summary>A rule that matches the point and category, with the reason it ranks where it does.</summary>
public sealed record RoutingCandidate(int RuleId, int OperatorId, string OperatorName, int? AreaId, string? AreaName,
    int? CategoryId, int Priority, int Tier, string Reason);

/// <summary>Names the resolver needs for its explanations.</summary>
public interface IRoutingNames
{
    string Operator(int id);

    string Category(int id);
}

/// <summary>
/// The routing order of DESIGN.md: area+category → area+any → anywhere+category → anywhere+any; within a
/// tier the higher priority, then the smaller area, then the lower rule id wins, so every point and category
/// has exactly one answer.
/// </summary>
public static class RoutingResolver
{
    public static IReadOnlyList<RoutingCandidate> Candidates(IReadOnlyList<ContainingArea> areas, IEnumerable<RoutingRule> rules,
        int? categoryId, DateTimeOffset now, IRoutingNames names)
    {
        var byId = areas.ToDictionary(a => a.Id);
        var candidates = new List<(RoutingCandidate Candidate, double Size)>();
        foreach (var rule in rules)
        {
            if (!rule.IsActiveAt(now))
            {
                continue;
            }

            ContainingArea? area = null;
            if (rule.AreaId is { } areaId && !byId.TryGetValue(areaId, out area))
            {
                continue;
            }

            // No category (a dry run) lists the rules of every category.
            if (categoryId is not null && rule.CategoryId is { } ruleCategory && ruleCategory != categoryId)
            {
                continue;
            }

            var tier = (area is null ? 2 : 0) + (rule.CategoryId is null ? 1 : 0);
            var operatorName = names.Operator(rule.OperatorId);
            var reason = RoutingWording.Technical(rule.Id, area?.Name, rule.CategoryId is { } c ? names.Category(c) : null, operatorName);
            candidates.Add((new RoutingCandidate(rule.Id, rule.OperatorId, operatorName, area?.Id, area?.Name, rule.CategoryId,
                rule.Priority, tier, reason), area?.Size ?? double.MaxValue));
        }

        return [.. candidates
            .OrderBy(c => c.Candidate.Tier)
            .ThenByDescending(c => c.Candidate.Priority)
            .ThenBy(c => c.Size)
            .ThenBy(c => c.Candidate.RuleId)
            .Select(c => c.Candidate)];
    }

    public static RoutingDecision Decide(IReadOnlyList<ContainingArea> areas, IReadOnlyList<RoutingCandidate> candidates,
        IReadOnlyCollection<int> excludedOperatorIds)
    {
        var areaIds = areas.Select(a => a.Id).Order().ToList();
        var chosen = candidates.FirstOrDefault(c => !excludedOperatorIds.Contains(c.OperatorId));
        if (chosen is not null)
        {
            return new RoutingDecision(chosen.OperatorId, chosen.RuleId, chosen.Reason, areaIds);
        }

        var why = candidates.Count == 0 ? RoutingWording.NoRule : RoutingWording.AllDeclined;
        return RoutingDecision.Unrouted(why, areaIds);
    }
}
