using FixIt.Application.Abstractions;
using FixIt.Application.Routing;
using FixIt.Domain.Routing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Routing.ExplainRouting;

/// <summary>A dry run of routing: which areas contain the point and which rules would apply, in order.</summary>
public sealed record ExplainRoutingQuery(double? Latitude, double? Longitude, string? Category) : IQuery<RoutingExplanationView>;

public sealed record RoutingExplanationView(double Latitude, double Longitude, string? Category, long IndexVersion,
    IReadOnlyList<ContainingArea> Areas, IReadOnlyList<RoutingCandidate> Candidates, int? OperatorId, int? RuleId, string Explanation);

internal sealed class ExplainRoutingHandler(IFixItDb db, IRoutingIndexControl routing) : IQueryHandler<ExplainRoutingQuery, RoutingExplanationView>
{
    public async ValueTask<RoutingExplanationView> Handle(ExplainRoutingQuery query, CancellationToken cancellationToken)
    {
        int? categoryId = string.IsNullOrEmpty(query.Category)
            ? null
            : await db.Categories.Where(c => c.Code == query.Category).Select(c => c.Id).SingleAsync(cancellationToken);
        var result = await routing.ExplainAsync(query.Latitude!.Value, query.Longitude!.Value, categoryId, [], cancellationToken);
        return new RoutingExplanationView(query.Latitude.Value, query.Longitude.Value, query.Category, result.IndexVersion,
            result.Areas, result.Candidates, result.Decision.OperatorId, result.Decision.RuleId, result.Decision.Explanation);
    }
}
