using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Operators.ListOperators;

/// <summary>Operators with their contacts; an operator key sees only its own.</summary>
public sealed record ListOperatorsQuery(AdminCaller Caller, string? Slug = null) : IQuery<IReadOnlyList<OperatorView>>;

internal sealed class ListOperatorsHandler(IFixItDb db) : IQueryHandler<ListOperatorsQuery, IReadOnlyList<OperatorView>>
{
    public async ValueTask<IReadOnlyList<OperatorView>> Handle(ListOperatorsQuery query, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        var operators = await db.Operators.AsNoTracking().Include(o => o.Contacts)
            .Where(o => query.Slug == null || o.Slug == query.Slug)
            .OrderBy(o => o.Slug).ToListAsync(cancellationToken);
        if (query.Slug is not null && operators.Count == 0)
        {
            throw new NotFoundException("Operator", query.Slug);
        }

        if (query.Slug is not null && !query.Caller.MaySee(operators[0].Id))
        {
            throw new OutOfScopeException($"operator '{query.Slug}'");
        }

        return [.. operators.Where(o => query.Caller.MaySee(o.Id)).Select(o => OperatorView.Of(o, categories))];
    }
}
