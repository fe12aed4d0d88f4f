using FixIt.Domain.Routing;

namespace FixIt.UnitTests.Domain;

public sealed class RoutingResolverTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ContainingArea County = new(1, "Leeds", "E08000035", "council", 10);
    private static readonly ContainingArea Ward = new(2, "Headingley", "E05011386", "ward", 1);

    private sealed class Names : IRoutingNames
    {
        public string Operator(int id) => $"Op{id}";

        public string Category(int id) => $"Cat{id}";
    }

    private static RoutingDecision Route(IReadOnlyList<ContainingArea> areas, IEnumerable<RoutingRule> rules, int category = 5, params int[] excluded)
    {
        var candidates = RoutingResolver.Candidates(areas, rules, category, Now, new Names());
        return RoutingResolver.Decide(areas, candidates, excluded);
    }

    [Fact]
    public void Area_and_category_beats_area_any_beats_anywhere_category_beats_anywhere_any()
    {
        RoutingRule[] rules =
        [
            new() { Id = 1, OperatorId = 100 },
            new() { Id = 2, CategoryId = 5, OperatorId = 200 },
            new() { Id = 3, AreaId = 1, OperatorId = 300 },
            new() { Id = 4, AreaId = 1, CategoryId = 5, OperatorId = 400 },
        ];

        Assert.Equal(400, Route([County], rules).OperatorId);
        Assert.Equal(300, Route([County], rules[..3]).OperatorId);
        Assert.Equal(200, Route([County], rules[..2]).OperatorId);
        Assert.Equal(100, Route([County], rules[..1]).OperatorId);
        Assert.Equal(100, Route([], rules, category: 6).OperatorId);
    }

    [Fact]
    public void Higher_priority_then_smaller_area_then_lower_rule_id_wins()
    {
        RoutingRule county = new() { Id = 1, AreaId = 1, OperatorId = 10 };
        RoutingRule ward = new() { Id = 2, AreaId = 2, OperatorId = 20 };

        Assert.Equal(20, Route([County, Ward], [county, ward]).OperatorId);
        county.Priority = 1;
        Assert.Equal(10, Route([County, Ward], [county, ward]).OperatorId);

        RoutingRule twinA = new() { Id = 8, AreaId = 2, OperatorId = 80 };
        RoutingRule twinB = new() { Id = 7, AreaId = 2, OperatorId = 70 };
        Assert.Equal(70, Route([Ward], [twinA, twinB]).OperatorId);
        Assert.Equal(70, Route([Ward], [twinB, twinA]).OperatorId);
    }

    [Fact]
    public void Inactive_rules_and_declined_operators_are_skipped()
    {
        RoutingRule expired = new() { Id = 1, AreaId = 1, OperatorId = 10, ActiveTo = Now };
        RoutingRule future = new() { Id = 2, AreaId = 1, OperatorId = 20, ActiveFrom = Now.AddDays(1) };
        RoutingRule current = new() { Id = 3, OperatorId = 30 };
        RoutingRule fallback = new() { Id = 4, OperatorId = 40, Priority = -1 };

        Assert.Equal(30, Route([County], [expired, future, current, fallback]).OperatorId);
        Assert.Equal(40, Route([County], [expired, future, current, fallback], 5, 30).OperatorId);
    }

    [Fact]
    public void No_candidate_leaves_the_report_unrouted_with_an_explanation_and_the_areas()
    {
        var decision = Route([Ward, County], [new RoutingRule { Id = 1, AreaId = 9, OperatorId = 1 }]);

        Assert.Null(decision.OperatorId);
        Assert.Contains("No routing rule", decision.Explanation, StringComparison.Ordinal);
        Assert.Equal([1, 2], decision.ContainingAreaIds);
    }

    [Fact]
    public void Explanation_names_rule_area_category_and_operator()
    {
        var decision = Route([County], [new RoutingRule { Id = 12, AreaId = 1, CategoryId = 5, OperatorId = 3 }]);

        Assert.Equal("rule 12: Leeds × Cat5 → Op3", decision.Explanation);
    }
}
