using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.ApiKeys.FindActiveApiKey;

/// <summary>
/// Who is calling with this key: the unrevoked API key whose SHA-256 (<see cref="ApiKeyHash"/>) matches, or null for an
/// unknown or revoked one. The key itself is never stored or logged.
/// </summary>
public sealed record FindActiveApiKeyQuery(string Key) : IQuery<ActiveApiKey?>
{
    public override string ToString() => $"{nameof(FindActiveApiKeyQuery)} {{ Key = *** }}";
}

/// <summary>The same, by the key's id: whether a signed-in browser's key still holds that role (null once revoked).</summary>
public sealed record FindActiveApiKeyByIdQuery(int Id, ApiKeyRole Role) : IQuery<ActiveApiKey?>;

/// <summary>An unrevoked API key: its id and name, its role, and for an operator key the one operator it may read.</summary>
public sealed record ActiveApiKey(int Id, string Name, ApiKeyRole Role, int? OperatorId);

internal sealed class FindActiveApiKeyHandler(IFixItDb db)
    : IQueryHandler<FindActiveApiKeyQuery, ActiveApiKey?>, IQueryHandler<FindActiveApiKeyByIdQuery, ActiveApiKey?>
{
    public async ValueTask<ActiveApiKey?> Handle(FindActiveApiKeyQuery query, CancellationToken cancellationToken)
    {
        var hash = ApiKeyHash.Of(query.Key);
        return await db.ApiKeys.AsNoTracking().Where(k => k.KeyHash == hash && k.RevokedAt == null)
            .Select(k => new ActiveApiKey(k.Id, k.Name, k.Role, k.OperatorId))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async ValueTask<ActiveApiKey?> Handle(FindActiveApiKeyByIdQuery query, CancellationToken cancellationToken) =>
        await db.ApiKeys.AsNoTracking().Where(k => k.Id == query.Id && k.Role == query.Role && k.RevokedAt == null)
            .Select(k => new ActiveApiKey(k.Id, k.Name, k.Role, k.OperatorId))
            .SingleOrDefaultAsync(cancellationToken);
}
