using FixIt.Application.Abstractions;
using FixIt.Domain.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.ApiKeys.ListApiKeys;

/// <summary>Every API key, revoked ones too, newest first; never the key itself (only its hash is stored).</summary>
public sealed record ListApiKeysQuery : IQuery<IReadOnlyList<ApiKeyView>>;

public sealed record ApiKeyView(int Id, string Name, ApiKeyRole Role, string? OperatorSlug, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

internal sealed class ListApiKeysHandler(IFixItDb db) : IQueryHandler<ListApiKeysQuery, IReadOnlyList<ApiKeyView>>
{
    public async ValueTask<IReadOnlyList<ApiKeyView>> Handle(ListApiKeysQuery query, CancellationToken cancellationToken) =>
        await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.Id)
            .Select(k => new ApiKeyView(k.Id, k.Name, k.Role, db.Operators.Where(o => o.Id == k.OperatorId).Select(o => o.Slug).FirstOrDefault(),
                k.CreatedAt, k.RevokedAt))
            .ToListAsync(cancellationToken);
}
