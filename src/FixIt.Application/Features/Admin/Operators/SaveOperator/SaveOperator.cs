using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Routing;
using FixIt.Domain.Moderation;
using FixIt.Domain.Operators;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Operators.SaveOperator;

/// <summary>Creates the operator of that slug, or replaces its details and contacts.</summary>
public sealed record SaveOperatorCommand(string Slug, string? Name, string? Kind, int AcknowledgeTargetDays, int FixTargetDays,
    IReadOnlyList<OperatorContactView>? Contacts) : ICommand<OperatorView>, IChangesRouting
{
    /// <summary>Who is emailed when a report stays unanswered after the last reminder; null or empty: nobody (no escalation).</summary>
    public string? EscalationEmail { get; init; }

    /// <summary>False deactivates the operator: its rules stop choosing it for new reports (see <see cref="Operator.IsActive"/>).</summary>
    public bool IsActive { get; init; } = true;
}

internal sealed class SaveOperatorHandler(IFixItDb db, ConfigurationAudit audit) : ICommandHandler<SaveOperatorCommand, OperatorView>
{
    public async ValueTask<OperatorView> Handle(SaveOperatorCommand command, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, cancellationToken);
        var entity = await db.Operators.Include(o => o.Contacts).SingleOrDefaultAsync(o => o.Slug == command.Slug, cancellationToken);
        var before = entity is null ? null : Fields(entity, categories);
        if (entity is null)
        {
            entity = new Operator { Slug = command.Slug };
            db.Operators.Add(entity);
        }

        entity.Name = command.Name!.Trim();
        entity.Kind = command.Kind!.Trim();
        entity.AcknowledgeTargetDays = command.AcknowledgeTargetDays;
        entity.FixTargetDays = command.FixTargetDays;
        entity.EscalationEmail = string.IsNullOrWhiteSpace(command.EscalationEmail)
            ? null
            : EmailAddresses.Normalize(command.EscalationEmail.Trim()) ?? command.EscalationEmail.Trim();
        entity.IsActive = command.IsActive;

        // Contacts are matched by category, so a contact whose address stays keeps its id and its bounce state; a new
        // address is a new start.
        // Key 0 is the catch-all contact (no category): ids start at 1, and a dictionary takes no null key.
        var wanted = (command.Contacts ?? []).ToDictionary(c => c.Category is { Length: > 0 } code ? categories[code] : 0);
        entity.Contacts.RemoveAll(c => !wanted.ContainsKey(c.CategoryId ?? 0));
        foreach (var (key, contact) in wanted)
        {
            int? categoryId = key == 0 ? null : key;
            var email = EmailAddresses.Normalize(contact.Email.Trim()) ?? contact.Email.Trim();
            var existing = entity.Contacts.FirstOrDefault(c => c.CategoryId == categoryId);
            if (existing is null)
            {
                existing = new OperatorContact { CategoryId = categoryId };
                entity.Contacts.Add(existing);
            }
            else if (!string.Equals(existing.Email, email, StringComparison.OrdinalIgnoreCase))
            {
                existing.ClearBouncing();
            }

            existing.Email = email;
            existing.Cc = string.IsNullOrWhiteSpace(contact.Cc) ? null
                : string.Join(", ", contact.Cc.Split(',', StringSplitOptions.TrimEntries).Select(a => EmailAddresses.Normalize(a) ?? a));
        }

        var after = Fields(entity, categories);
        var action = before is null ? AuditActions.CreateOperator
            : before["isActive"] is true && !entity.IsActive ? AuditActions.DeactivateOperator : AuditActions.EditOperator;
        audit.Record(action, entity.Slug, before is null ? null : Changed(before, after), before is null ? after : Changed(after, before));
        await db.SaveChangesAsync(cancellationToken);
        await db.BumpRoutingVersionAsync(cancellationToken);
        return OperatorView.Of(entity, categories.ToDictionary(c => c.Value, c => c.Key));
    }

    /// <summary>The audited fields: the details and each contact as "category: email (cc)" ("*" the catch-all).</summary>
    private static Dictionary<string, object?> Fields(Operator entity, Dictionary<string, int> categories)
    {
        var codes = categories.ToDictionary(c => c.Value, c => c.Key);
        return new Dictionary<string, object?>
        {
            ["name"] = entity.Name,
            ["kind"] = entity.Kind,
            ["acknowledgeTargetDays"] = entity.AcknowledgeTargetDays,
            ["fixTargetDays"] = entity.FixTargetDays,
            ["escalationEmail"] = entity.EscalationEmail,
            ["isActive"] = entity.IsActive,
            ["contacts"] = string.Join("; ", entity.Contacts
                .Select(c => $"{(c.CategoryId is { } id && codes.TryGetValue(id, out var code) ? code : "*")}: {c.Email}{(c.Cc is null ? "" : $" (cc {c.Cc})")}")
                .Order(StringComparer.Ordinal)),
        };
    }

    /// <summary>The fields of <paramref name="these"/> whose value differs in <paramref name="others"/>.</summary>
    private static Dictionary<string, object?> Changed(Dictionary<string, object?> these, Dictionary<string, object?> others) =>
        these.Where(f => !Equals(f.Value, others[f.Key])).ToDictionary(f => f.Key, f => f.Value);
}
