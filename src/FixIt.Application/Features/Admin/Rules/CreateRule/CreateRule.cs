using System.Globalization;
using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Admin.Rules.UpdateRule;
using FixIt.Application.Routing;
using FixIt.Domain.Moderation;
using Mediator;

namespace FixIt.Application.Features.Admin.Rules.CreateRule;

/// <summary>Adds one rule. No area means anywhere; no category means any category.</summary>
public sealed record CreateRuleCommand(string? AreaKind, string? AreaCode, string? Category, string? Operator, int Priority,
    DateTimeOffset? ActiveFrom, DateTimeOffset? ActiveTo) : ICommand<RuleView>, IChangesRouting;

internal sealed class CreateRuleHandler(IFixItDb db, ConfigurationAudit audit) : ICommandHandler<CreateRuleCommand, RuleView>
{
    public async ValueTask<RuleView> Handle(CreateRuleCommand command, CancellationToken cancellationToken)
    {
        var rows = new[] { RuleRows.Of(command.AreaKind, command.AreaCode, command.Category, command.Operator, command.Priority,
            command.ActiveFrom, command.ActiveTo) };
        var rule = (await RuleRowResolver.ResolveAsync(db, rows, cancellationToken))[0];
        db.RoutingRules.Add(rule);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(AuditActions.CreateRule, $"rule {rule.Id.ToString(CultureInfo.InvariantCulture)}", after: RuleAudit.Fields(rule));
        await db.SaveChangesAsync(cancellationToken);
        await db.BumpRoutingVersionAsync(cancellationToken);
        return (await RuleViews.ListAsync(db, r => r.Id == rule.Id, cancellationToken)).Single();
    }
}
