using System.Linq.Expressions;
using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Messaging;
using FixIt.Domain.Operators;
using FixIt.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Infrastructure.Mail.Composition;

/// <summary>
/// The reply key of one recipient of mail about one report: the one already issued to that recipient, or a new
/// random one. Only ever asked for by the code that writes mail to that very recipient.
/// </summary>
internal static class ReplyKeyIssuer
{
    public static Task<string> ForOperatorAsync(IFixItDb db, Report report, OperatorContact contact, DateTimeOffset now, CancellationToken cancellationToken) =>
        IssueAsync(db, k => k.ReportId == report.Id && k.Holder == ReplyKeyHolder.Operator && k.OperatorId == contact.OperatorId && k.Address == contact.Email,
            key => ReplyKey.ForOperator(key, report.Id, contact.OperatorId, contact.Id, contact.Email, now), cancellationToken);

    public static Task<string> ForReporterAsync(IFixItDb db, Report report, DateTimeOffset now, CancellationToken cancellationToken) =>
        IssueAsync(db, k => k.ReportId == report.Id && k.Holder == ReplyKeyHolder.Reporter && k.Address == report.ReporterEmail,
            key => ReplyKey.ForReporter(key, report.Id, report.ReporterEmail, now), cancellationToken);

    public static Task<string> ForFollowerAsync(IFixItDb db, ReportSubscription subscription, DateTimeOffset now, CancellationToken cancellationToken) =>
        IssueAsync(db, k => k.ReportId == subscription.ReportId && k.Holder == ReplyKeyHolder.Follower && k.SubscriptionId == subscription.Id,
            key => ReplyKey.ForFollower(key, subscription, now), cancellationToken);

    private static async Task<string> IssueAsync(IFixItDb db, Expression<Func<ReplyKey, bool>> mine, Func<string, ReplyKey> create,
        CancellationToken cancellationToken)
    {
        // Keys added earlier in this unit of work (several updates queued at once) are not in the database yet.
        var existing = db.ReplyKeys.Local.FirstOrDefault(mine.Compile())
            ?? await db.ReplyKeys.FirstOrDefaultAsync(mine, cancellationToken);
        if (existing is not null)
        {
            return existing.Key;
        }

        var issued = create(RandomKeys.Base32(15));
        db.ReplyKeys.Add(issued);
        return issued.Key;
    }
}
