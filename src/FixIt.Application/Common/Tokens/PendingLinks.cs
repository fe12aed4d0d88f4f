using FixIt.Application.Abstractions;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;

namespace FixIt.Application.Common.Tokens;

/// <summary>
/// The submitter's secret link to their report (<see cref="TokenPurpose.View"/>): issued once at submission, stored
/// hashed like every link token, and kept for as long as the report, so an unconfirmed report stays visible to its
/// holder even after its confirm link has expired.
/// </summary>
public static class PendingLinks
{
    // As long as the report: the row goes when the report does.
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(100 * 365);

    /// <summary>Adds a new secret link for the report to the unit of work and returns its token.</summary>
    public static string Issue(IFixItDb db, Report report, DateTimeOffset now)
    {
        var (token, stored) = LinkTokens.Issue(TokenPurpose.View, report.Id, Lifetime, now, singleUse: false);
        db.AccessTokens.Add(stored);
        return token;
    }

    /// <summary>
    /// Adds the stored half of a link whose token was drawn before the report had its id (<see cref="LinkTokens.NewToken"/>):
    /// a submission draws and hashes it while the request runs, and the group-commit writer stores it (ADR 0218).
    /// </summary>
    public static void Store(IFixItDb db, int reportId, string hash, DateTimeOffset now) =>
        db.AccessTokens.Add(new AccessToken(hash, TokenPurpose.View, reportId, now, now + Lifetime, singleUse: false));

    /// <summary>
    /// Whether the token is a secret link to this report. Any miss (malformed, unknown, another report's, another
    /// purpose) is simply false, so the caller answers exactly as for a report that does not exist.
    /// </summary>
    public static async Task<bool> OpensAsync(IFixItDb db, int reportId, string? token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await LinkTokens.RequireAsync(db, token, TokenPurpose.View, now, cancellationToken);
            return stored.ReportId == reportId;
        }
        catch (LinkTokenException)
        {
            return false;
        }
    }
}
