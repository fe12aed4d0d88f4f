using FixIt.Application.Common;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FixIt.Infrastructure.Mail.Composition;

/// <summary>
/// Counts the emails FixIt sends unasked (confirmation requests) per mailbox and UTC day, in the database, so the cap
/// holds across app instances. The count is taken in the caller's transaction with a conditional update: of two
/// requests racing for the last slot one updates the row and the other, waiting on its lock, then finds it full.
/// </summary>
internal sealed partial class MailboxCaps(FixItDbContext db, IOptions<MailboxCapOptions> options, TimeProvider clock, ILogger<MailboxCaps> logger)
{
    private readonly MailboxCapOptions _options = options.Value;

    /// <summary>Takes one of today's slots for <paramref name="kind"/> to the address's mailbox; false when none is left.</summary>
    public async Task<bool> TryTakeAsync(MailKind kind, string address, int? reportId, CancellationToken cancellationToken)
    {
        var limit = kind switch
        {
            MailKind.ReporterConfirmation => _options.ReportConfirmationsPerDay,
            MailKind.SubscriptionConfirmation or MailKind.AlertConfirmation => _options.SubscriptionConfirmationsPerDay,
            MailKind.MyReportsLink => _options.MyReportsLinksPerDay,
            MailKind.SupportConfirmation => _options.SupportConfirmationsPerDay,
            MailKind.StaffPasswordReset => _options.StaffPasswordResetsPerDay,
            MailKind.UpdateLink => _options.UpdateLinksPerDay,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only confirmation requests are capped."),
        };
        // Stored as a hash: the count needs to tell mailboxes apart, not to know them.
        var mailbox = EmailAddresses.MailboxHash(address);
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var taken = limit >= 1 && await TakeAsync(mailbox, day, kind, limit, cancellationToken) == 1;
        if (!taken)
        {
            LogCapReached(kind, limit, reportId);
        }

        return taken;
    }

    /// <summary>
    /// Counts one more email for the mailbox and day unless the count is at the limit; the number of rows written (1
    /// or 0). SQLite and PostgreSQL do it in one statement, an upsert whose update is conditional: the first email of
    /// the day inserts the row with a count of 1, a later one adds 1 while under the limit. Never fails on a concurrent
    /// insert (a failed statement would abort a PostgreSQL transaction): the loser of the race updates the winner's row.
    /// </summary>
    private async Task<int> TakeAsync(string mailbox, DateOnly day, MailKind kind, int limit, CancellationToken cancellationToken)
    {
        var kindText = kind.ToString();
        if (db.Database.IsSqlServer())
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO [MailboxDailyCounts] ([Mailbox], [Day], [Kind], [Count])
                SELECT {mailbox}, {day}, {kindText}, 0
                WHERE NOT EXISTS (SELECT 1 FROM [MailboxDailyCounts] WITH (UPDLOCK, HOLDLOCK)
                    WHERE [Mailbox] = {mailbox} AND [Day] = {day} AND [Kind] = {kindText})
                """, cancellationToken);
            return await db.MailboxDailyCounts
                .Where(c => c.Mailbox == mailbox && c.Day == day && c.Kind == kind && c.Count < limit)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, c => c.Count + 1), cancellationToken);
        }

        return await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "MailboxDailyCounts" ("Mailbox", "Day", "Kind", "Count") VALUES ({mailbox}, {day}, {kindText}, 1)
            ON CONFLICT ("Mailbox", "Day", "Kind") DO UPDATE SET "Count" = "MailboxDailyCounts"."Count" + 1
            WHERE "MailboxDailyCounts"."Count" < {limit}
            """, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Daily cap of {Limit} {Kind} emails to one mailbox reached; not sending the one for report {ReportId}")]
    private partial void LogCapReached(MailKind kind, int limit, int? reportId);
}
