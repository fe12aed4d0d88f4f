using FixIt.Application.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Operators.ListOperatorChoices;

/// <summary>Every operator by name, for filters.</summary>
public sealed record ListOperatorChoicesQuery : IQuery<IReadOnlyList<OperatorChoice>>;

public sealed record OperatorChoice(string Slug, string Name);

internal sealed class ListOperatorChoicesHandler(IFixItDb db) : IQueryHandler<ListOperatorChoicesQuery, IReadOnlyList<OperatorChoice>>
{
    public async ValueTask<IReadOnlyList<OperatorChoice>> Handle(ListOperatorChoicesQuery query, CancellationToken cancellationToken) =>
        await db.Operators.AsNoTracking().OrderBy(o => o.Name).Select(o => new OperatorChoice(o.Slug, o.Name)).ToListAsync(cancellationToken);
}
