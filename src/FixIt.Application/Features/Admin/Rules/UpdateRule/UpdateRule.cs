using System.Globalization;
using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Routing;
using FixIt.Domain.Moderation;
using FixIt.Domain.Routing;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Rules.UpdateRule;

/// <summary>Changes a rule in place (same id); the fields mean what they mean for a new rule (<see cref="CreateRule.CreateRuleCommand"/>).</summary>
public sealed record UpdateRuleCommand(int Id, string? AreaKind, string? AreaCode, string? Category, string? Operator, int Priority,
    DateTimeOffset? ActiveFrom, DateTimeOffset? ActiveTo) : ICommand<RuleView>, IChangesRouting;

internal sealed class UpdateRuleHandler(IFixItDb db, ConfigurationAudit audit) : ICommandHandler<UpdateRuleCommand, RuleView>
{
    public async ValueTask<RuleView> Handle(UpdateRuleCommand command, CancellationToken cancellationToken)
    {
        var rule = await db.RoutingRules.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Rule", command.Id);
        var changed = (await RuleRowResolver.ResolveAsync(db, [RuleRows.Of(command.AreaKind, command.AreaCode, command.Category, command.Operator,
            command.Priority, command.ActiveFrom, command.ActiveTo)], cancellationToken))[0];
        var before = RuleAudit.Fields(rule);
        (rule.AreaId, rule.CategoryId, rule.OperatorId, rule.Priority, rule.ActiveFrom, rule.ActiveTo) =
            (changed.AreaId, changed.CategoryId, changed.OperatorId, changed.Priority, changed.ActiveFrom, changed.ActiveTo);
        var after = RuleAudit.Fields(rule);
        audit.Record(AuditActions.EditRule, $"rule {rule.Id.ToString(CultureInfo.InvariantCulture)}",
            before.Where(f => !Equals(f.Value, after[f.Key])).ToDictionary(), after.Where(f => !Equals(f.Value, before[f.Key])).ToDictionary());
        await db.SaveChangesAsync(cancellationToken);
        await db.BumpRoutingVersionAsync(cancellationToken);
        return (await RuleViews.ListAsync(db, r => r.Id == rule.Id, cancellationToken)).Single();
    }
}

/// <summary>A rule's fields as the audit log records them.</summary>
internal static class RuleAudit
{
    internal static Dictionary<string, object?> Fields(RoutingRule rule) => new()
    {
        ["areaId"] = rule.AreaId,
        ["categoryId"] = rule.CategoryId,
        ["operatorId"] = rule.OperatorId,
        ["priority"] = rule.Priority,
        ["activeFrom"] = rule.ActiveFrom,
        ["activeTo"] = rule.ActiveTo,
    };
}

internal sealed class UpdateRuleValidator : AbstractValidator<UpdateRuleCommand>
{
    public UpdateRuleValidator() => RuleFor(c => c.Operator).NotEmpty().WithMessage(_ => AdminText.Get("Choose the operator."));
}
