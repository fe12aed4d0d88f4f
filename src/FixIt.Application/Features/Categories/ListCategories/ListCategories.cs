using FixIt.Application.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Categories.ListCategories;

public sealed record ListCategoriesQuery : IQuery<IReadOnlyList<CategoryView>>;

public sealed record CategoryView(string Code, string Name, string Group, string Description);

internal sealed class ListCategoriesHandler(IFixItDb db) : IQueryHandler<ListCategoriesQuery, IReadOnlyList<CategoryView>>
{
    public async ValueTask<IReadOnlyList<CategoryView>> Handle(ListCategoriesQuery query, CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking()
            .Where(c => c.IsActive)
            .OrderBy(c => c.Group).ThenBy(c => c.Name)
            .Select(c => new CategoryView(c.Code, c.Name, c.Group, c.Description))
            .ToListAsync(cancellationToken);
}
