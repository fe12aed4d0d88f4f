using FixIt.Application.Abstractions;
using FixIt.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Inbound.RecordInboundMail;

internal enum AuthorKind
{
    OperatorContact,
    OperatorUnlisted,
    Reporter,
    Unknown,
}

/// <summary>
/// Who wrote a reply, decided by the From address: a contact (or cc) of the report's operator, the reporter,
/// or someone else. Someone else writing to the reply address of a routed report is taken to be operator
/// side: the address was only ever given out in the operator's email and the reporter's notifications, and
/// the reporter is recognised by address, so it is most often a colleague the operator forwarded it to.
/// </summary>
internal sealed record ReplyAuthor(AuthorKind Kind, string? OperatorName, IReadOnlyList<int> ContactIds)
{
    public bool IsOperatorSide => Kind is AuthorKind.OperatorContact or AuthorKind.OperatorUnlisted;

    public string Describe() => Kind switch
    {
        AuthorKind.Reporter => "the reporter",
        _ when OperatorName is not null => OperatorName,
        _ => "an unknown sender",
    };

    public static async Task<ReplyAuthor> IdentifyAsync(IFixItDb db, Report report, string? from, CancellationToken cancellationToken)
    {
        var sender = from?.Trim() ?? "";
        if (report.OperatorId is not { } operatorId)
        {
            return new ReplyAuthor(IsReporter(report, sender) ? AuthorKind.Reporter : AuthorKind.Unknown, null, []);
        }

        var op = await db.Operators.AsNoTracking().Include(o => o.Contacts)
            .SingleAsync(o => o.Id == operatorId, cancellationToken);
        var matching = op.Contacts.Where(c => Matches(c.Email, sender) || SplitList(c.Cc).Any(cc => Matches(cc, sender)))
            .Select(c => c.Id).ToList();
        if (matching.Count > 0)
        {
            return new ReplyAuthor(AuthorKind.OperatorContact, op.Name, matching);
        }

        return IsReporter(report, sender)
            ? new ReplyAuthor(AuthorKind.Reporter, op.Name, [])
            : new ReplyAuthor(AuthorKind.OperatorUnlisted, op.Name, []);
    }

    public static bool Matches(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<string> SplitList(string? list) =>
        (list ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsReporter(Report report, string sender) => Matches(report.ReporterEmail, sender);
}
