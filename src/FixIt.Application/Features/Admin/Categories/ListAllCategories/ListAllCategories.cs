using FixIt.Application.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Categories.ListAllCategories;

/// <summary>Every category, inactive ones included.</summary>
public sealed record ListAllCategoriesQuery : IQuery<IReadOnlyList<CategoryAdminView>>;

internal sealed class ListAllCategoriesHandler(IFixItDb db) : IQueryHandler<ListAllCategoriesQuery, IReadOnlyList<CategoryAdminView>>
{
    public async ValueTask<IReadOnlyList<CategoryAdminView>> Handle(ListAllCategoriesQuery query, CancellationToken cancellationToken) =>
        [.. (await db.Categories.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken)).Select(CategoryAdminView.Of)];
}
