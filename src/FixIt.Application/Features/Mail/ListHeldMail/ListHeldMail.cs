using FixIt.Application.Abstractions;
using FixIt.Domain.Inbound;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Mail.ListHeldMail;

/// <summary>
/// Replies held for moderation, newest first: mail that came under a reply key but not from that key's recipient
/// (or with a failing DKIM signature). Nothing of it was published; an admin decides what it was.
/// </summary>
public sealed record ListHeldMailQuery(int Limit = 200) : IQuery<IReadOnlyList<HeldMailView>>;

/// <summary>For admins only: the envelope sender is shown whole, since who tried to speak for whom is the point.</summary>
public sealed record HeldMailView(long Id, int? ReportId, string? EnvelopeFrom, string Recipient, DkimResult Dkim, string? DkimDomain,
    string? Reason, DateTimeOffset ReceivedAt);

internal sealed class ListHeldMailHandler(IFixItDb db) : IQueryHandler<ListHeldMailQuery, IReadOnlyList<HeldMailView>>
{
    public async ValueTask<IReadOnlyList<HeldMailView>> Handle(ListHeldMailQuery query, CancellationToken cancellationToken) =>
        await db.InboundMessages.AsNoTracking()
            .Where(m => m.Status == InboundMessageStatus.Held)
            .OrderByDescending(m => m.Id)
            .Take(query.Limit)
            .Select(m => new HeldMailView(m.Id, m.ReportId, m.EnvelopeFrom, m.Recipient, m.Dkim, m.DkimDomain, m.Outcome, m.ReceivedAt))
            .ToListAsync(cancellationToken);
}
