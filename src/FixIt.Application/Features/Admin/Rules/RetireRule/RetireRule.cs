using System.Globalization;
using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Admin.Rules.UpdateRule;
using FixIt.Application.Routing;
using FixIt.Domain.Moderation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Rules.RetireRule;

/// <summary>
/// Ends a rule now (its active window closes at this moment) instead of deleting it, so the routing table keeps what
/// routed past reports. A rule that has already ended is refused (409); one that has not started yet ends before it starts
/// and is deleted instead, as it never routed anything.
/// </summary>
public sealed record RetireRuleCommand(int Id) : ICommand<RuleView?>, IChangesRouting;

internal sealed class RetireRuleHandler(IFixItDb db, TimeProvider clock, ConfigurationAudit audit) : ICommandHandler<RetireRuleCommand, RuleView?>
{
    public async ValueTask<RuleView?> Handle(RetireRuleCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rule = await db.RoutingRules.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Rule", command.Id);
        if (rule.ActiveTo is { } end && end <= now)
        {
            throw new ModerationConflictException(AdminText.Get("Rule {0} has already ended.", rule.Id));
        }

        var before = RuleAudit.Fields(rule);
        var notStarted = rule.ActiveFrom is { } start && start >= now;
        if (notStarted)
        {
            db.RoutingRules.Remove(rule);
        }
        else
        {
            rule.ActiveTo = now;
        }

        audit.Record(AuditActions.RetireRule, $"rule {rule.Id.ToString(CultureInfo.InvariantCulture)}", before,
            notStarted
                ? new Dictionary<string, object?> { ["deleted"] = true }
                : new Dictionary<string, object?> { ["activeTo"] = now });

        await db.SaveChangesAsync(cancellationToken);
        await db.BumpRoutingVersionAsync(cancellationToken);
        return (await RuleViews.ListAsync(db, r => r.Id == rule.Id, cancellationToken)).SingleOrDefault();
    }
}
