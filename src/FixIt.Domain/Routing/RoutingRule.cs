namespace FixIt.Domain.Routing;

/// <summary>One row of the routing table: (area or anywhere, category or any) → operator.</summary>
public sealed class RoutingRule
{
    public int Id { get; set; }

    /// <summary>Null means anywhere.</summary>
    public int? AreaId { get; set; }

    /// <summary>Null means any category.</summary>
    public int? CategoryId { get; set; }

    public int OperatorId { get; set; }

    /// <summary>Higher wins among rules of the same specificity.</summary>
    public int Priority { get; set; }

    public DateTimeOffset? ActiveFrom { get; set; }

    public DateTimeOffset? ActiveTo { get; set; }

    public bool IsActiveAt(DateTimeOffset at) =>
        (ActiveFrom is null || ActiveFrom <= at) && (ActiveTo is null || at < ActiveTo);
}
