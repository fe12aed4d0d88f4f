using FixIt.Application.Abstractions;
using FixIt.Application.Features.Moderation;
using FixIt.Domain.Moderation;

namespace FixIt.Application.Common;

/// <summary>
/// Puts a configuration action (operators, categories, rules, areas, API keys, response templates, mail resends) on the
/// audit log with the request's caller (<see cref="ICurrentStaff"/>): added to the context, so it is saved with the
/// change by the handler's next <c>SaveChangesAsync</c>. Before and after hold the changed fields only, never a secret.
/// </summary>
internal sealed class ConfigurationAudit(IFixItDb db, ICurrentStaff staff, TimeProvider clock)
{
    public void Record(string action, string target, IReadOnlyDictionary<string, object?>? before = null,
        IReadOnlyDictionary<string, object?>? after = null, string? reason = null) =>
        db.AuditEntries.Add(new AuditEntry(staff.Actor, action, clock.GetUtcNow(), reason, target: Limit(target),
            before: ModerationRules.Json(before), after: ModerationRules.Json(after)));

    private static string Limit(string target) => target.Length <= 300 ? target : target[..300];
}
