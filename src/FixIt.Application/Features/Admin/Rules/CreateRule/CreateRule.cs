using FixIt.Application.Abstractions;
using FixIt.Application.Routing;
using Mediator;

namespace FixIt.Application.Features.Admin.Rules.CreateRule;

/// <summary>Adds one rule. No area means anywhere; no category means any category.</summary>
public sealed record CreateRuleCommand(string? AreaKind, string? AreaCode, string? Category, string? Operator, int Priority,
    DateTimeOffset? ActiveFrom, DateTimeOffset? ActiveTo) : ICommand<RuleView>, IChangesRouting;

internal sealed class CreateRuleHandler(IFixItDb db) : ICommandHandler<CreateRuleCommand, RuleView>
{
    public async ValueTask<RuleView> Handle(CreateRuleCommand command, CancellationToken cancellationToken)
    {
        var rows = new[] { RuleRows.Of(command.AreaKind, command.AreaCode, command.Category, command.Operator, command.Priority,
            command.ActiveFrom, command.ActiveTo) };
        var rule = (await RuleRowResolver.ResolveAsync(db, rows, cancellationToken))[0];
        db.RoutingRules.Add(rule);
        await db.SaveChangesAsync(cancellationToken);
        await db.BumpRoutingVersionAsync(cancellationToken);
        return (await RuleViews.ListAsync(db, r => r.Id == rule.Id, cancellationToken)).Single();
    }
}
