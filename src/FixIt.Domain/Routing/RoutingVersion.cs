namespace FixIt.Domain.Routing;

/// <summary>
/// One row, bumped in the same transaction as any change to areas, rules, operators or categories; every app
/// instance polls it and rebuilds its routing index when it moves.
/// </summary>
public sealed class RoutingVersion
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public long Version { get; set; }
}
