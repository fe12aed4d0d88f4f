using FixIt.Application.Common;
using FixIt.Application.Features.Admin.Areas.ListAreas;
using FixIt.Application.Features.Admin.Categories;
using FixIt.Application.Features.Admin.Categories.ListAllCategories;
using FixIt.Application.Features.Admin.Operators;
using FixIt.Application.Features.Admin.Operators.ListOperators;
using Mediator;

namespace FixIt.Web.Features.Admin.Rules;

/// <summary>What a rule's fields offer: the area kinds (and codes, for the browser's suggestions), categories and operators.</summary>
public sealed record RuleChoices(IReadOnlyList<string> Kinds, IReadOnlyList<AreaSummary> Areas, IReadOnlyList<CategoryAdminView> Categories,
    IReadOnlyList<OperatorView> Operators)
{
    /// <summary>Suggestions stop here: the code field takes any code, and a big boundary set has thousands.</summary>
    private const int SuggestedAreas = 1000;

    public static async Task<RuleChoices> LoadAsync(IMediator mediator, CancellationToken cancellationToken)
    {
        var areas = await mediator.Send(new ListAreasQuery(null), cancellationToken);
        return new RuleChoices(
            [.. areas.Select(a => a.Kind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            [.. areas.Take(SuggestedAreas)],
            await mediator.Send(new ListAllCategoriesQuery(), cancellationToken),
            await mediator.Send(new ListOperatorsQuery(AdminCaller.Admin), cancellationToken));
    }
}
