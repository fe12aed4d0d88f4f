using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Routing;
using FixIt.Domain.Categories;
using FixIt.Domain.Moderation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Categories.SaveCategory;

/// <summary>Creates the category of that code, or replaces its details and extra questions.</summary>
public sealed record SaveCategoryCommand(string Code, string? Name, string? Group, string? Description, bool IsActive,
    IReadOnlyList<ExtraQuestion>? ExtraQuestions) : ICommand<CategoryAdminView>, IChangesRouting;

internal sealed class SaveCategoryHandler(IFixItDb db, ConfigurationAudit audit) : ICommandHandler<SaveCategoryCommand, CategoryAdminView>
{
    public async ValueTask<CategoryAdminView> Handle(SaveCategoryCommand command, CancellationToken cancellationToken)
    {
        var entity = await db.Categories.SingleOrDefaultAsync(c => c.Code == command.Code, cancellationToken);
        var before = entity is null ? null : Fields(entity);
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
        var after = Fields(entity);
        var action = before is null ? AuditActions.CreateCategory
            : before["isActive"] is true && !entity.IsActive ? AuditActions.RetireCategory : AuditActions.EditCategory;
        audit.Record(action, entity.Code, before?.Where(f => !Equals(f.Value, after[f.Key])).ToDictionary(),
            before is null ? after : after.Where(f => !Equals(f.Value, before[f.Key])).ToDictionary());
        await db.SaveChangesAsync(cancellationToken);
        await db.BumpRoutingVersionAsync(cancellationToken);
        return CategoryAdminView.Of(entity);
    }

    /// <summary>The audited fields (the extra questions by their keys).</summary>
    private static Dictionary<string, object?> Fields(Category entity) => new()
    {
        ["name"] = entity.Name,
        ["group"] = entity.Group,
        ["description"] = entity.Description,
        ["isActive"] = entity.IsActive,
        ["extraQuestions"] = string.Join(", ", entity.ExtraQuestions.Select(q => q.Code)),
    };
}
