using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Moderation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.ApiKeys.RevokeApiKey;

/// <summary>Revokes the API key of that name; requests with it get 401 from then on.</summary>
public sealed record RevokeApiKeyCommand(string? Name) : ICommand<bool>;

internal sealed class RevokeApiKeyHandler(IFixItDb db, TimeProvider clock, ConfigurationAudit audit) : ICommandHandler<RevokeApiKeyCommand, bool>
{
    public async ValueTask<bool> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Name == command.Name, cancellationToken)
            ?? throw new NotFoundException("API key", command.Name ?? "");
        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.GetUtcNow();
            audit.Record(AuditActions.RevokeApiKey, key.Name, after: new Dictionary<string, object?> { ["revokedAt"] = key.RevokedAt });
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
