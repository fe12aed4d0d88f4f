using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Routing;
using FixIt.Domain.Operators;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Operators;

public sealed record OperatorContactView(string? Category, string Email, string? Cc);

public sealed record OperatorView(int Id, string Slug, string Name, string Kind, int AcknowledgeTargetDays, int FixTargetDays,
    IReadOnlyList<OperatorContactView> Contacts);

/// <summary>Operators with their contacts; an operator key sees only its own.</summary>
public sealed record ListOperatorsQuery(AdminCaller Caller, string? Slug = null) : IQuery<IReadOnlyList<OperatorView>>;

/// <summary>Creates the operator of that slug, or replaces its details and contacts.</summary>
public sealed record SaveOperatorCommand(string Slug, string? Name, string? Kind, int AcknowledgeTargetDays, int FixTargetDays,
    IReadOnlyList<OperatorContactView>? Contacts) : ICommand<OperatorView>, IChangesRouting;

internal sealed class ListOperatorsHandler(IFixItDb db) : IQueryHandler<ListOperatorsQuery, IReadOnlyList<OperatorView>>
{
    public async ValueTask<IReadOnlyList<OperatorView>> Handle(ListOperatorsQuery query, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        var operators = await db.Operators.AsNoTracking().Include(o => o.Contacts)
            .Where(o => query.Slug == null || o.Slug == query.Slug)
            .OrderBy(o => o.Slug).ToListAsync(cancellationToken);
        if (query.Slug is not null && operators.Count == 0)
        {
            throw new NotFoundException("Operator", query.Slug);
        }

        if (query.Slug is not null && !query.Caller.MaySee(operators[0].Id))
        {
            throw new OutOfScopeException($"operator '{query.Slug}'");
        }

        return [.. operators.Where(o => query.Caller.MaySee(o.Id)).Select(o => View(o, categories))];
    }

    internal static OperatorView View(Operator o, IReadOnlyDictionary<int, string> categories) =>
        new(o.Id, o.Slug, o.Name, o.Kind, o.AcknowledgeTargetDays, o.FixTargetDays,
            [.. o.Contacts.OrderBy(c => c.CategoryId is null ? "" : categories[c.CategoryId.Value])
                .Select(c => new OperatorContactView(c.CategoryId is { } id ? categories[id] : null, c.Email, c.Cc))]);
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
        return ListOperatorsHandler.View(entity, categories.ToDictionary(c => c.Value, c => c.Key));
    }
}
