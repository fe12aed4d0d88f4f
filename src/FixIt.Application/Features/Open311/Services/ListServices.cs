using FixIt.Application.Abstractions;
using FixIt.Domain.Categories;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Open311.Services;

/// <summary>Every active category as an Open311 service; its extra questions are the service definition.</summary>
public sealed record ListServicesQuery : IQuery<IReadOnlyList<ServiceView>>;

/// <summary>One service definition: a category's questions, in order. Unknown or inactive codes are a 404.</summary>
public sealed record GetServiceDefinitionQuery(string ServiceCode) : IQuery<ServiceView>;

public sealed record ServiceView(string Code, string Name, string Description, string Group, IReadOnlyList<ExtraQuestion> Attributes)
{
    /// <summary>Open311's "metadata": whether the service has a definition worth fetching.</summary>
    public bool HasMetadata => Attributes.Count > 0;
}

internal sealed class ListServicesHandler(IFixItDb db) :
    IQueryHandler<ListServicesQuery, IReadOnlyList<ServiceView>>,
    IQueryHandler<GetServiceDefinitionQuery, ServiceView>
{
    public async ValueTask<IReadOnlyList<ServiceView>> Handle(ListServicesQuery query, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking().Where(c => c.IsActive).ToListAsync(cancellationToken);
        return [.. categories.OrderBy(c => c.Group, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal).Select(ToView)];
    }

    public async ValueTask<ServiceView> Handle(GetServiceDefinitionQuery query, CancellationToken cancellationToken)
    {
        var category = await db.Categories.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Code == query.ServiceCode && c.IsActive, cancellationToken);
        return category is null ? throw new Common.NotFoundException("Service", query.ServiceCode) : ToView(category);
    }

    private static ServiceView ToView(Category c) =>
        new(c.Code, c.Name, c.Description, c.Group, [.. c.ExtraQuestions.OrderBy(q => q.Order).ThenBy(q => q.Code, StringComparer.Ordinal)]);
}
