using FixIt.Domain.Routing;

namespace FixIt.UnitTests.Routing;

public sealed class RoutingOrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private sealed class Names : IRoutingNames
    {
        public string Operator(int id) => $"Op{id}";

        public string Category(int id) => $"Cat{id}";
    }

    [Fact]
    public void Overlapping_rules_of_equal_priority_and_size_are_decided_by_rule_id_whatever_their_order()
    {
        // Two neighbours sharing the boundary the point lies on: both contain it.
        ContainingArea[] areas = [new(7, "East", "e", "ward", 2), new(3, "West", "w", "ward", 2)];
        RoutingRule[] rules = [new() { Id = 20, AreaId = 7, OperatorId = 70 }, new() { Id = 11, AreaId = 3, OperatorId = 30 }];

        var forward = RoutingResolver.Candidates(areas, rules, 1, Now, new Names());
        var backward = RoutingResolver.Candidates([.. areas.Reverse()], [.. rules.Reverse()], 1, Now, new Names());

        Assert.Equal([11, 20], forward.Select(c => c.RuleId));
        Assert.Equal([11, 20], backward.Select(c => c.RuleId));
        Assert.Equal(30, RoutingResolver.Decide(areas, forward, []).OperatorId);
    }

    [Fact]
    public void Without_a_category_the_dry_run_lists_rules_of_every_category()
    {
        ContainingArea[] areas = [new(1, "Town", "t", "council", 1)];
        RoutingRule[] rules = [new() { Id = 1, AreaId = 1, CategoryId = 4, OperatorId = 10 }, new() { Id = 2, AreaId = 1, OperatorId = 20 }];

        var all = RoutingResolver.Candidates(areas, rules, null, Now, new Names());
        var one = RoutingResolver.Candidates(areas, rules, 5, Now, new Names());

        Assert.Equal([1, 2], all.Select(c => c.RuleId));
        Assert.Equal([2], one.Select(c => c.RuleId));
    }

    [Fact]
    public void The_decision_stores_every_containing_area_in_id_order_even_when_unrouted()
    {
        ContainingArea[] areas = [new(9, "B", "b", "ward", 1), new(4, "A", "a", "county", 3)];

        var decision = RoutingResolver.Decide(areas, [], []);

        Assert.Null(decision.OperatorId);
        Assert.Equal([4, 9], decision.ContainingAreaIds);
    }
}
