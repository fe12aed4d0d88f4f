using FixIt.Domain.Routing;

namespace FixIt.Application.Routing;

/// <summary>Decides which operator a report at a point and of a category goes to.</summary>
public interface IReportRouter
{
    /// <param name="excludedOperatorIds">Operators that already declined the report.</param>
    Task<RoutingDecision> RouteAsync(double latitude, double longitude, int categoryId,
        IReadOnlyCollection<int> excludedOperatorIds, CancellationToken cancellationToken);
}
