using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>
/// Finds what FixIt sent the holder of a reply key about its report, from the outbox (which keeps every message it
/// queued, text and HTML): the mail a reply quotes. For an operator key, every operator email of the report; for
/// the others, the mail to the key's own address.
/// </summary>
internal static class SentMailLookup
{
    /// <summary>The newest messages looked at; a reply quotes one of the last few.</summary>
    public const int MaxMessages = 20;

    public static async Task<SentMailText> ForKeyAsync(FixItDbContext db, string? replyKey, CancellationToken cancellationToken)
    {
        if (replyKey is null)
        {
            return SentMailText.None;
        }

        var key = await db.ReplyKeys.AsNoTracking().Where(k => k.Key == replyKey)
            .Select(k => new { k.ReportId, k.Holder, k.Address }).SingleOrDefaultAsync(cancellationToken);
        if (key is null)
        {
            return SentMailText.None;
        }

        var operatorKey = key.Holder == ReplyKeyHolder.Operator;
        var bodies = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ReportId == key.ReportId && (m.ToAddress == key.Address || operatorKey && m.Kind == MailKind.OperatorReport))
            .OrderByDescending(m => m.Id).Take(MaxMessages)
            .Select(m => new { m.TextBody, m.HtmlBody }).ToListAsync(cancellationToken);
        return SentMailText.FromBodies(bodies.Select(b => (b.TextBody, b.HtmlBody)));
    }
}
