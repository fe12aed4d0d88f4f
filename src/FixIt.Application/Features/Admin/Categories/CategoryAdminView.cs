using FixIt.Domain.Categories;

namespace FixIt.Application.Features.Admin.Categories;

/// <summary>A category (Open311 service, FixMyStreet contact category) as the admin API shows and takes it.</summary>
public sealed record CategoryAdminView(int Id, string Code, string Name, string Group, string Description, bool IsActive,
    IReadOnlyList<ExtraQuestion> ExtraQuestions)
{
    internal static CategoryAdminView Of(Category c) =>
        new(c.Id, c.Code, c.Name, c.Group, c.Description, c.IsActive, [.. c.ExtraQuestions.OrderBy(q => q.Order)]);
}
