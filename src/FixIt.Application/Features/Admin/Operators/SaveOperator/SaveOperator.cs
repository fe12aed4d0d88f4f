using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Routing;
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
}

internal sealed class SaveOperatorHandler(IFixItDb db) : ICommandHandler<SaveOperatorCommand, OperatorView>
{
    public async ValueTask<OperatorView> Handle(SaveOperatorCommand command, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, cancellationToken);
        var entity = await db.Operators.Include(o => o.Contacts).SingleOrDefaultAsync(o => o.Slug == command.Slug, cancellationToken);
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
        entity.Contacts.Clear();
        foreach (var contact in command.Contacts ?? [])
        {
            entity.Contacts.Add(new OperatorContact
            {
                CategoryId = contact.Category is { Length: > 0 } code ? categories[code] : null,
                Email = EmailAddresses.Normalize(contact.Email.Trim()) ?? contact.Email.Trim(),
                Cc = string.IsNullOrWhiteSpace(contact.Cc) ? null
                    : string.Join(", ", contact.Cc.Split(',', StringSplitOptions.TrimEntries).Select(a => EmailAddresses.Normalize(a) ?? a)),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.BumpRoutingVersionAsync(cancellationToken);
        return OperatorView.Of(entity, categories.ToDictionary(c => c.Value, c => c.Key));
    }
}
