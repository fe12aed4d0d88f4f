using System.Text.RegularExpressions;
using FixIt.Application.Abstractions;
using FixIt.Domain.Messaging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Mail.ListMailProblems;

/// <summary>Emails that failed for good, and those waiting to be retried, newest first, for the admin list.</summary>
public sealed record ListMailProblemsQuery(int Limit = 200) : IQuery<IReadOnlyList<MailProblemView>>;

/// <summary>
/// The recipient is masked, and so is every address quoted in <see cref="LastError"/> (servers quote the recipient in
/// their errors, "&lt;ada@example.net&gt;: mailbox full" becomes "&lt;***@example.net&gt;: mailbox full"): this list is about
/// delivery, not about who reported what.
/// </summary>
public sealed record MailProblemView(long Id, MailKind Kind, int? ReportId, string Recipient, OutboxStatus Status,
    int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt);

internal sealed partial class ListMailProblemsHandler(IFixItDb db) : IQueryHandler<ListMailProblemsQuery, IReadOnlyList<MailProblemView>>
{
    public async ValueTask<IReadOnlyList<MailProblemView>> Handle(ListMailProblemsQuery query, CancellationToken cancellationToken)
    {
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Failed || (m.Status == OutboxStatus.Pending && m.Attempts > 0))
            .OrderByDescending(m => m.Id)
            .Take(query.Limit)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(m => new MailProblemView(m.Id, m.Kind, m.ReportId, Mask(m.ToAddress), m.Status, m.Attempts,
            MaskAddresses(m.LastError), m.CreatedAt, m.NextAttemptAt))];
    }

    internal static string? MaskAddresses(string? text) => text is null ? null : LocalPart().Replace(text, "***@");

    internal static string Mask(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : $"{address[0]}***{address[at..]}";
    }

    [GeneratedRegex(@"[^\s<>@""]+@")]
    private static partial Regex LocalPart();
}
