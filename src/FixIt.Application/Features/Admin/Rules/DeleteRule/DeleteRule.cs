using System.Globalization;
using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Admin.Rules.UpdateRule;
using FixIt.Application.Routing;
using FixIt.Domain.Moderation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Rules.DeleteRule;

public sealed record DeleteRuleCommand(int Id) : ICommand<bool>, IChangesRouting;

internal sealed class DeleteRuleHandler(IFixItDb db, ConfigurationAudit audit) : ICommandHandler<DeleteRuleCommand, bool>
{
    public async ValueTask<bool> Handle(DeleteRuleCommand command, CancellationToken cancellationToken)
    {
        var rule = await db.RoutingRules.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Rule", command.Id);
        audit.Record(AuditActions.DeleteRule, $"rule {rule.Id.ToString(CultureInfo.InvariantCulture)}", RuleAudit.Fields(rule));
        db.RoutingRules.Remove(rule);
        await db.SaveChangesAsync(cancellationToken);
        await db.BumpRoutingVersionAsync(cancellationToken);
        return true;
    }
}
