using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using Mediator;

namespace FixIt.Application.Features.Admin.Rules.ListRules;

/// <summary>The routing table; an operator key sees only its own rules.</summary>
public sealed record ListRulesQuery(AdminCaller Caller) : IQuery<IReadOnlyList<RuleView>>;

internal sealed class ListRulesHandler(IFixItDb db) : IQueryHandler<ListRulesQuery, IReadOnlyList<RuleView>>
{
    public async ValueTask<IReadOnlyList<RuleView>> Handle(ListRulesQuery query, CancellationToken cancellationToken) =>
        query.Caller.IsAdmin
            ? await RuleViews.ListAsync(db, r => true, cancellationToken)
            : await RuleViews.ListAsync(db, r => r.OperatorId == query.Caller.OperatorId, cancellationToken);
}
