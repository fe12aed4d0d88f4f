using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Routing;
using FixIt.Domain.Routing;
using System.Linq.Expressions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Rules;

public sealed record RuleView(int Id, int? AreaId, string? AreaKind, string? AreaCode, string? AreaName, string? Category,
    string Operator, int Priority, DateTimeOffset? ActiveFrom, DateTimeOffset? ActiveTo);

/// <summary>The routing table; an operator key sees only its own rules.</summary>
public sealed record ListRulesQuery(AdminCaller Caller) : IQuery<IReadOnlyList<RuleView>>;

/// <summary>Adds one rule. No area means anywhere; no category means any category.</summary>
public sealed record CreateRuleCommand(string? AreaKind, string? AreaCode, string? Category, string? Operator, int Priority,
    DateTimeOffset? ActiveFrom, DateTimeOffset? ActiveTo) : ICommand<RuleView>, IChangesRouting;

public sealed record DeleteRuleCommand(int Id) : ICommand<bool>, IChangesRouting;

internal sealed class ListRulesHandler(IFixItDb db) : IQueryHandler<ListRulesQuery, IReadOnlyList<RuleView>>
{
    public async ValueTask<IReadOnlyList<RuleView>> Handle(ListRulesQuery query, CancellationToken cancellationToken) =>
        query.Caller.IsAdmin
            ? await RuleViews.ListAsync(db, r => true, cancellationToken)
            : await RuleViews.ListAsync(db, r => r.OperatorId == query.Caller.OperatorId, cancellationToken);
}

internal sealed class CreateRuleHandler(IFixItDb db) : ICommandHandler<CreateRuleCommand, RuleView>
{
    public async ValueTask<RuleView> Handle(CreateRuleCommand command, CancellationToken cancellationToken)
    {
        var rows = new[] { new RuleRow(0, command.AreaKind, command.AreaCode, command.Category, command.Operator, $"{command.Priority}",
            command.ActiveFrom?.ToString("O"), command.ActiveTo?.ToString("O")) };
        var rule = (await RuleRowResolver.ResolveAsync(db, rows, cancellationToken))[0];
        db.RoutingRules.Add(rule);
        await db.SaveChangesAsync(cancellationToken);
        await db.BumpRoutingVersionAsync(cancellationToken);
        return (await RuleViews.ListAsync(db, r => r.Id == rule.Id, cancellationToken)).Single();
    }
}

internal sealed class DeleteRuleHandler(IFixItDb db) : ICommandHandler<DeleteRuleCommand, bool>
{
    public async ValueTask<bool> Handle(DeleteRuleCommand command, CancellationToken cancellationToken)
    {
        var rule = await db.RoutingRules.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Rule", command.Id);
        db.RoutingRules.Remove(rule);
        await db.SaveChangesAsync(cancellationToken);
        await db.BumpRoutingVersionAsync(cancellationToken);
        return true;
    }
}

internal static class RuleViews
{
    public static async Task<List<RuleView>> ListAsync(IFixItDb db, Expression<Func<RoutingRule, bool>> filter, CancellationToken cancellationToken) =>
        await (from r in db.RoutingRules.AsNoTracking().Where(filter)
               join o in db.Operators on r.OperatorId equals o.Id
               from a in db.Areas.Where(a => a.Id == r.AreaId).DefaultIfEmpty()
               from c in db.Categories.Where(c => c.Id == r.CategoryId).DefaultIfEmpty()
               orderby r.Id
               select new RuleView(r.Id, r.AreaId, a == null ? null : a.Kind, a == null ? null : a.Code, a == null ? null : a.Name,
                   c == null ? null : c.Code, o.Slug, r.Priority, r.ActiveFrom, r.ActiveTo))
            .ToListAsync(cancellationToken);
}
