using FixIt.Application.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Moderation.ListFlags;

/// <summary>
/// The moderation queue: every public report or update with open flags, most-flagged first, for admins and moderators
/// (the /admin/flags page and <c>GET /api/admin/flags</c>).
/// </summary>
public sealed record ListFlagsQuery(int Limit = 100) : IQuery<FlagQueue>;

/// <summary>The queue: at most the query's limit of items, and how many items and open flags there are in all.</summary>
public sealed record FlagQueue(int TotalItems, int TotalFlags, IReadOnlyList<FlaggedItem> Items);

internal sealed class ListFlagsHandler(IFixItDb db) : IQueryHandler<ListFlagsQuery, FlagQueue>
{
    // Open flags are few (each needs a person at a client address); this bounds a flood until staff catch up.
    private const int MostFlagsRead = 20_000;

    public async ValueTask<FlagQueue> Handle(ListFlagsQuery query, CancellationToken cancellationToken)
    {
        var flags = await FlaggedItems.OpenOnVisible(db).OrderBy(f => f.Id).Take(MostFlagsRead).ToListAsync(cancellationToken);
        var items = await FlaggedItems.DescribeAsync(db, flags, Math.Clamp(query.Limit, 1, 500), cancellationToken);
        return new FlagQueue(flags.Select(f => (f.ReportId, f.UpdateId)).Distinct().Count(), flags.Count, items);
    }
}
