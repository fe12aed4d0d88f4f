using FixIt.Application.Abstractions;
using FixIt.Application.Routing;
using FixIt.Domain.Categories;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Categories;

public sealed record CategoryAdminView(int Id, string Code, string Name, string Group, string Description, bool IsActive,
    IReadOnlyList<ExtraQuestion> ExtraQuestions);

/// <summary>Every category, inactive ones included.</summary>
public sealed record ListAllCategoriesQuery : IQuery<IReadOnlyList<CategoryAdminView>>;

/// <summary>Creates the category of that code, or replaces its details and extra questions.</summary>
public sealed record SaveCategoryCommand(string Code, string? Name, string? Group, string? Description, bool IsActive,
    IReadOnlyList<ExtraQuestion>? ExtraQuestions) : ICommand<CategoryAdminView>, IChangesRouting;

internal sealed class ListAllCategoriesHandler(IFixItDb db) : IQueryHandler<ListAllCategoriesQuery, IReadOnlyList<CategoryAdminView>>
{
    public async ValueTask<IReadOnlyList<CategoryAdminView>> Handle(ListAllCategoriesQuery query, CancellationToken cancellationToken) =>
        [.. (await db.Categories.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken)).Select(View)];

    internal static CategoryAdminView View(Category c) =>
        new(c.Id, c.Code, c.Name, c.Group, c.Description, c.IsActive, [.. c.ExtraQuestions.OrderBy(q => q.Order)]);
}

internal sealed class SaveCategoryHandler(IFixItDb db) : ICommandHandler<SaveCategoryCommand, CategoryAdminView>
{
    public async ValueTask<CategoryAdminView> Handle(SaveCategoryCommand command, CancellationToken cancellationToken)
    {
        var entity = await db.Categories.SingleOrDefaultAsync(c => c.Code == command.Code, cancellationToken);
        if (entity is null)
        {
            entity = new Category { Code = command.Code };
            db.Categories.Add(entity);
        }

        entity.Name = command.Name!.Trim();
        entity.Group = command.Group?.Trim() ?? "";
        entity.Description = command.Description?.Trim() ?? "";
        entity.IsActive = command.IsActive;
        entity.ExtraQuestions = [.. command.ExtraQuestions ?? []];
        await db.SaveChangesAsync(cancellationToken);
        await db.BumpRoutingVersionAsync(cancellationToken);
        return ListAllCategoriesHandler.View(entity);
    }
}
