using FixIt.Application.Abstractions;
using FixIt.Domain.Inbound;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Inbound.RecordInboundMail;

internal enum AuthorKind
{
    Operator,
    Reporter,
    Follower,

    /// <summary>Not the key's recipient, or a failing DKIM signature: held for an admin.</summary>
    Unverified,
}

/// <summary>
/// Who wrote a reply, decided by the key it came under and checked against the From address: a key speaks only
/// for the recipient it was written to. The operator's key also takes the operator's other contacts, their cc
/// addresses, and other addresses at a contact's own domain (a colleague the report was forwarded to); anything
/// else under any key is unverified, and so is a message whose From domain's DKIM signature fails.
/// </summary>
internal sealed record ReplyAuthor(AuthorKind Kind, string? OperatorName, string Reason)
{
    // Where anyone can have an address, sharing a domain with a contact proves nothing.
    private static readonly HashSet<string> PublicMailDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "icloud.com", "me.com",
        "aol.com", "gmx.com", "gmx.net", "gmx.de", "web.de", "proton.me", "protonmail.com", "mail.com", "yandex.com", "zoho.com",
    };

    public string Describe() => Kind switch
    {
        AuthorKind.Reporter => "the reporter",
        AuthorKind.Follower => "a follower",
        AuthorKind.Operator => OperatorName!,
        _ => "an unverified sender",
    };

    public static async Task<ReplyAuthor> IdentifyAsync(IFixItDb db, Report report, ReplyKey key, InboundMail mail, CancellationToken cancellationToken)
    {
        var sender = mail.FromAddress?.Trim() ?? "";
        if (mail.FromProblem is { } problem)
        {
            return Unverified(problem);
        }

        if (mail.Dkim.Result == DkimResult.Fail)
        {
            return Unverified($"The DKIM signature of {mail.Dkim.Domain} did not verify.");
        }

        switch (key.Holder)
        {
            case ReplyKeyHolder.Reporter when Matches(sender, report.ReporterEmail) || Matches(sender, key.Address):
                return new ReplyAuthor(AuthorKind.Reporter, null, "From the reporter's address.");
            case ReplyKeyHolder.Follower when Matches(sender, key.Address):
                return new ReplyAuthor(AuthorKind.Follower, null, "From the follower's address.");
            case ReplyKeyHolder.Operator when key.OperatorId is { } operatorId:
                var op = await db.Operators.AsNoTracking().Include(o => o.Contacts).SingleOrDefaultAsync(o => o.Id == operatorId, cancellationToken);
                if (op is null)
                {
                    return Unverified("The operator this key was given to no longer exists.");
                }

                var known = op.Contacts.SelectMany(c => SplitList(c.Cc).Prepend(c.Email)).Append(key.Address).Where(a => a.Length > 0).ToList();
                if (known.Any(a => Matches(a, sender)))
                {
                    return new ReplyAuthor(AuthorKind.Operator, op.Name, $"From a contact address of {op.Name}.");
                }

                var domain = DomainOf(sender);
                if (domain is not null && !PublicMailDomains.Contains(domain)
                    && op.Contacts.Select(c => c.Email).Append(key.Address).Any(a => string.Equals(DomainOf(a), domain, StringComparison.OrdinalIgnoreCase)))
                {
                    return new ReplyAuthor(AuthorKind.Operator, op.Name, $"From {domain}, the domain of a contact of {op.Name}.");
                }

                return Unverified($"Sent under {op.Name}'s reply address from {sender}, which is neither a contact of {op.Name} nor at a contact's domain.");
            default:
                return Unverified($"Sent under the {key.Holder.ToString().ToLowerInvariant()}'s reply address from {sender}, which is not the address it was given to.");
        }
    }

    public static bool Matches(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b)
        && string.Equals(Common.EmailAddresses.Normalize(a.Trim()) ?? a.Trim(), Common.EmailAddresses.Normalize(b.Trim()) ?? b.Trim(), StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<string> SplitList(string? list) =>
        (list ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static ReplyAuthor Unverified(string reason) => new(AuthorKind.Unverified, null, reason);

    private static string? DomainOf(string? address)
    {
        var at = address?.LastIndexOf('@') ?? -1;
        return at <= 0 || at == address!.Length - 1 ? null : address[(at + 1)..].Trim();
    }
}
