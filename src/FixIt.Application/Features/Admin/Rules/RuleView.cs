using System.Linq.Expressions;
using FixIt.Application.Abstractions;
using FixIt.Domain.Routing;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Rules;

/// <summary>A routing rule as the admin API shows it: its area (kind, code, name; none: anywhere), category code (none: any), operator slug, priority and active window.</summary>
public sealed record RuleView(int Id, int? AreaId, string? AreaKind, string? AreaCode, string? AreaName, string? Category,
    string Operator, int Priority, DateTimeOffset? ActiveFrom, DateTimeOffset? ActiveTo);

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
