using FixIt.Application.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Operators.ListOperators;

/// <summary>Every operator by name, for filters.</summary>
public sealed record ListOperatorsQuery : IQuery<IReadOnlyList<OperatorChoice>>;

public sealed record OperatorChoice(string Slug, string Name);

internal sealed class ListOperatorsHandler(IFixItDb db) : IQueryHandler<ListOperatorsQuery, IReadOnlyList<OperatorChoice>>
{
    public async ValueTask<IReadOnlyList<OperatorChoice>> Handle(ListOperatorsQuery query, CancellationToken cancellationToken) =>
        await db.Operators.AsNoTracking().OrderBy(o => o.Name).Select(o => new OperatorChoice(o.Slug, o.Name)).ToListAsync(cancellationToken);
}
