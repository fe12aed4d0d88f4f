using FixIt.Application.Abstractions;
using FixIt.Application.Features.Categories.ListCategories;
using FixIt.Application.Routing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Categories.RoutedCategories;

/// <summary>The categories some rule routes to an operator at this point: what the form offers there.</summary>
public sealed record RoutedCategoriesQuery(double Latitude, double Longitude) : IQuery<IReadOnlyList<CategoryView>>;

internal sealed class RoutedCategoriesHandler(IFixItDb db, IReportRouter router) : IQueryHandler<RoutedCategoriesQuery, IReadOnlyList<CategoryView>>
{
    public async ValueTask<IReadOnlyList<CategoryView>> Handle(RoutedCategoriesQuery query, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking()
            .Where(c => c.IsActive)
            .OrderBy(c => c.Group).ThenBy(c => c.Name)
            .Select(c => new { c.Id, View = new CategoryView(c.Code, c.Name, c.Group, c.Description) })
            .ToListAsync(cancellationToken);

        // Asking the router itself keeps this answer identical to where a report would really go.
        var routed = new List<CategoryView>();
        foreach (var category in categories)
        {
            var decision = await router.RouteAsync(query.Latitude, query.Longitude, category.Id, [], cancellationToken);
            if (decision.OperatorId is not null)
            {
                routed.Add(category.View);
            }
        }

        return routed;
    }
}
