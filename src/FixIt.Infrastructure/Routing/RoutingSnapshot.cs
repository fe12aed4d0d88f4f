using FixIt.Domain.Routing;
using FixIt.Domain.Spatial;

namespace FixIt.Infrastructure.Routing;

/// <summary>
/// Everything routing needs, built once per routing version and never changed: requests read whichever snapshot
/// is current, so a rebuild never blocks or tears a lookup.
/// </summary>
internal sealed class RoutingSnapshot(long version, AreaIndex index, IReadOnlyDictionary<int, ContainingArea> areas,
    IReadOnlyDictionary<int, RoutingRule[]> rulesByArea, RoutingRule[] anywhereRules, IRoutingNames names)
{
    /// <summary>More areas than this containing one point would be a data error; the rest are ignored.</summary>
    private const int MaxContainingAreas = 64;

    public long Version { get; } = version;

    public AreaIndex Index { get; } = index;

    public (IReadOnlyList<ContainingArea> Areas, IReadOnlyList<RoutingCandidate> Candidates) Candidates(double latitude, double longitude,
        int? categoryId, DateTimeOffset now)
    {
        Span<int> ids = stackalloc int[MaxContainingAreas];
        longitude = GeoBox.WrapLongitude(longitude);
        var count = Math.Min(Index.FindCovering(longitude, latitude, ids), MaxContainingAreas);
        if (Math.Abs(longitude) == 180)
        {
            // −180 and 180 are one meridian, and boundary data may draw an area up to either edge: ask for both.
            Span<int> other = stackalloc int[MaxContainingAreas];
            var more = Math.Min(Index.FindCovering(-longitude, latitude, other), MaxContainingAreas);
            foreach (var id in other[..more])
            {
                if (count < MaxContainingAreas && !ids[..count].Contains(id))
                {
                    ids[count++] = id;
                }
            }
        }

        var containing = new List<ContainingArea>(count);
        var rules = new List<RoutingRule>(anywhereRules);
        foreach (var id in ids[..count])
        {
            containing.Add(areas[id]);
            if (rulesByArea.TryGetValue(id, out var areaRules))
            {
                rules.AddRange(areaRules);
            }
        }

        containing.Sort((a, b) => a.Id.CompareTo(b.Id));
        return (containing, RoutingResolver.Candidates(containing, rules, categoryId, now, names));
    }
}

internal sealed class RoutingNames(IReadOnlyDictionary<int, string> operators, IReadOnlyDictionary<int, string> categories) : IRoutingNames
{
    public string Operator(int id) => operators.GetValueOrDefault(id, $"operator {id}");

    public string Category(int id) => categories.GetValueOrDefault(id, $"category {id}");
}
