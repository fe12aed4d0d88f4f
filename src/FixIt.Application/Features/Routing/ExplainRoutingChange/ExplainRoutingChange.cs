using FixIt.Application.Abstractions;
using FixIt.Application.Features.Admin.Rules;
using FixIt.Application.Features.Routing.ExplainRouting;
using FixIt.Domain.Routing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Routing.ExplainRoutingChange;

/// <summary>
/// A routing dry run before and after a change that is not saved yet: a new rule (<see cref="PendingRuleChange.RuleId"/>
/// null), an edited rule, or a retired one. "Before" is the live index's answer (<see cref="ExplainRoutingQuery"/>);
/// "after" orders the same containing areas' rules, with the change applied, by the same <see cref="RoutingResolver"/>.
/// </summary>
public sealed record ExplainRoutingChangeQuery(double? Latitude, double? Longitude, string? Category, PendingRuleChange Change)
    : IQuery<RoutingChangeExplanation>;

/// <summary>The rule as it would be: fields as for a new rule; Retire ends rule RuleId instead.</summary>
public sealed record PendingRuleChange(int? RuleId, bool Retire, string? AreaKind, string? AreaCode, string? Category, string? Operator,
    int Priority, DateTimeOffset? ActiveFrom, DateTimeOffset? ActiveTo);

public sealed record RoutingChangeExplanation(RoutingExplanationView Before, IReadOnlyList<RoutingCandidate> After, int? AfterOperatorId,
    int? AfterRuleId, string AfterExplanation)
{
    /// <summary>The id a new rule has in <see cref="After"/>: after every saved rule, as its real id will be.</summary>
    public const int NewRuleId = int.MaxValue;
}

internal sealed class ExplainRoutingChangeHandler(IFixItDb db, IMediator mediator, TimeProvider clock)
    : IQueryHandler<ExplainRoutingChangeQuery, RoutingChangeExplanation>
{
    public async ValueTask<RoutingChangeExplanation> Handle(ExplainRoutingChangeQuery query, CancellationToken cancellationToken)
    {
        var before = await mediator.Send(new ExplainRoutingQuery(query.Latitude, query.Longitude, query.Category), cancellationToken);
        var change = query.Change;
        var areaIds = before.Areas.Select(a => a.Id).ToList();
        var rules = await db.RoutingRules.AsNoTracking()
            .Where(r => r.AreaId == null || areaIds.Contains(r.AreaId.Value))
            .ToListAsync(cancellationToken);
        if (change.RuleId is { } changed)
        {
            rules.RemoveAll(r => r.Id == changed);
        }

        if (!change.Retire)
        {
            var pending = (await RuleRowResolver.ResolveAsync(db, [RuleRows.Of(change.AreaKind, change.AreaCode, change.Category, change.Operator,
                change.Priority, change.ActiveFrom, change.ActiveTo)], cancellationToken))[0];
            pending.Id = change.RuleId ?? RoutingChangeExplanation.NewRuleId;
            rules.Add(pending);
        }

        int? categoryId = string.IsNullOrEmpty(query.Category)
            ? null
            : await db.Categories.Where(c => c.Code == query.Category).Select(c => c.Id).SingleAsync(cancellationToken);
        var names = new Names(
            await db.Operators.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken),
            await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken));
        var after = RoutingResolver.Candidates(before.Areas, rules, categoryId, clock.GetUtcNow(), names)
            .Select(c => c.RuleId == RoutingChangeExplanation.NewRuleId ? c with { Reason = "new rule" + c.Reason[c.Reason.IndexOf(':', StringComparison.Ordinal)..] } : c)
            .ToList();
        var decision = RoutingResolver.Decide(before.Areas, after, []);
        return new RoutingChangeExplanation(before, after, decision.OperatorId, decision.RuleId, decision.Explanation);
    }

    private sealed class Names(Dictionary<int, string> operators, Dictionary<int, string> categories) : IRoutingNames
    {
        public string Operator(int id) => operators[id];

        public string Category(int id) => categories[id];
    }
}
