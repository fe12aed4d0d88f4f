using FixIt.Application.Abstractions;
using FixIt.Application.Routing;
using FixIt.Domain.Categories;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Categories.SaveCategory;

/// <summary>Creates the category of that code, or replaces its details and extra questions.</summary>
public sealed record SaveCategoryCommand(string Code, string? Name, string? Group, string? Description, bool IsActive,
    IReadOnlyList<ExtraQuestion>? ExtraQuestions) : ICommand<CategoryAdminView>, IChangesRouting;

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
        return CategoryAdminView.Of(entity);
    }
}
