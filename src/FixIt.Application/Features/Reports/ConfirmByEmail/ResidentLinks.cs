using FixIt.Application.Abstractions;
using FixIt.Application.Common.Tokens;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.ConfirmByEmail;

/// <summary>
/// The one flow behind the three things a resident does on a report page by an emailed single-use link (ADR 0216):
/// adding an update, following ("email me updates") and "me too". <see cref="SendAsync"/> issues the link (the mailer
/// hashes the token, dates its expiry by the clock, takes the mailbox's daily cap, writes the email in the resident's
/// language and adds it to the outbox) and saves the request; <see cref="RedeemAsync"/> takes it back. What differs
/// per action is only what the request stores and what the confirmation does, in each action's own handler.
/// </summary>
internal static class ResidentLinks
{
    // Someone could press the button over and over with another person's address: one email an hour to a stored
    // follower or supporter is enough (the mailer's cap per mailbox and day applies on top).
    private static readonly TimeSpan ResendInterval = TimeSpan.FromHours(1);

    /// <summary>Whether a link of this purpose went to the subscription or support (<paramref name="holderId"/>) within the hour: then nothing more is sent, and the answer is the same.</summary>
    public static Task<bool> SentWithinTheHourAsync(IFixItDb db, TokenPurpose purpose, long holderId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - ResendInterval;
        var recent = db.AccessTokens.Where(t => t.Purpose == purpose && t.CreatedAt > since);
        return purpose == TokenPurpose.Support
            ? recent.AnyAsync(t => t.SupportId == holderId, cancellationToken)
            : recent.AnyAsync(t => t.SubscriptionId == holderId, cancellationToken);
    }

    /// <summary>
    /// Queues the email with its link and saves the request with it. <paramref name="storedMeanwhile"/> is given when the
    /// request adds a row under a unique index (a new follower or supporter): if the same address asked in another
    /// request at the same moment and won the index, that request sends the email, and this one gives the same answer.
    /// </summary>
    public static async Task SendAsync(IFixItDb db, IReportMailer mailer, ResidentLink link, Func<Task<bool>>? storedMeanwhile,
        CancellationToken cancellationToken)
    {
        await mailer.QueueResidentLinkAsync(link, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (storedMeanwhile is not null)
        {
            // SaveChanges inside the command's transaction rolled back to its savepoint, so the transaction is still
            // usable; the rows this attempt added stay unsaved, as nothing saves after this, and the next command's unit
            // of work starts empty.
            if (!await storedMeanwhile())
            {
                throw;
            }
        }
    }

    /// <summary>
    /// The link (tracked, for the caller to act on and <see cref="AccessToken.Use"/>) when it is one of this
    /// purpose's, unused, unexpired and not withdrawn, and its report, still public. A link of another action, a used,
    /// expired or withdrawn one throw <see cref="LinkTokenException"/>, answered alike for all three; a hidden report
    /// <see cref="Common.ReportRemovedException"/> (410), any other not public <see cref="Common.NotFoundException"/>.
    /// </summary>
    public static async Task<(AccessToken Token, Report Report)> RedeemAsync(IFixItDb db, string? token, TokenPurpose purpose, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var stored = await LinkTokens.RequireAsync(db, token, purpose, now, cancellationToken);
        var report = await PublicReports.RequireAsync(db, stored.ReportId, cancellationToken);
        return (stored, report);
    }

    /// <summary>
    /// The confirmation of a stored request (following, "me too"): redeems the link, lets <paramref name="confirm"/> store
    /// what the action stores, uses the link and saves; the report's id, for the page that thanks the resident.
    /// </summary>
    public static async Task<int> ConfirmAsync(IFixItDb db, TimeProvider clock, string? token, TokenPurpose purpose,
        Func<AccessToken, Report, DateTimeOffset, Task> confirm, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (stored, report) = await RedeemAsync(db, token, purpose, now, cancellationToken);
        await confirm(stored, report, now);
        stored.Use(now);
        await db.SaveChangesAsync(cancellationToken);
        return report.Id;
    }
}
