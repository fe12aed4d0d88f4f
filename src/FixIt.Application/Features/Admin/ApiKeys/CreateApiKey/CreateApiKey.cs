using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Access;
using FixIt.Domain.Moderation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.ApiKeys.CreateApiKey;

/// <summary>Creates an API key; the returned key is the only time it is ever seen.</summary>
public sealed record CreateApiKeyCommand(string? Name, ApiKeyRole Role, string? OperatorSlug) : ICommand<CreatedApiKey>;

public sealed record CreatedApiKey(int Id, string Name, ApiKeyRole Role, string Key);

internal sealed class CreateApiKeyHandler(IFixItDb db, TimeProvider clock, ConfigurationAudit audit) : ICommandHandler<CreateApiKeyCommand, CreatedApiKey>
{
    public async ValueTask<CreatedApiKey> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        int? operatorId = command.Role == ApiKeyRole.Operator
            ? await db.Operators.Where(o => o.Slug == command.OperatorSlug).Select(o => o.Id).SingleAsync(cancellationToken)
            : null;
        var key = ApiKeyHash.NewKey();
        var entity = new ApiKey
        {
            Name = command.Name!.Trim(),
            KeyHash = ApiKeyHash.Of(key),
            Role = command.Role,
            OperatorId = operatorId,
            CreatedAt = clock.GetUtcNow(),
        };
        db.ApiKeys.Add(entity);

        // The name, role and operator only: the key itself is never on the record.
        audit.Record(AuditActions.CreateApiKey, entity.Name, after: new Dictionary<string, object?>
        {
            ["role"] = entity.Role.ToString(),
            ["operator"] = command.Role == ApiKeyRole.Operator ? command.OperatorSlug : null,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(entity.Id, entity.Name, entity.Role, key);
    }
}
