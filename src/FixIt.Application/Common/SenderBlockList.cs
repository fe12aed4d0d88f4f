using FixIt.Application.Abstractions;
using FixIt.Domain.Moderation;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Common;

/// <summary>
/// The block list's one rule (issue 14): which senders a block covers. Every path where a sender's address starts
/// something that would be published, delivered or counted (confirming a report, a subscription, a "me too", an area
/// alert, a questionnaire or "still not fixed" answer, an emailed reply) asks <see cref="IsBlockedAsync"/> and, when
/// blocked, gives the usual answer and drops the effect (ADR 0150).
/// </summary>
public static class SenderBlockList
{
    /// <summary>The message naming <c>value</c> when it is neither an address nor a domain name.</summary>
    public const string InvalidValue =
        "Give an email address (someone@example.org) or a domain name (example.org) to block.";

    /// <summary>
    /// What a block entry is stored and compared as: an address becomes its <see cref="EmailAddresses.MailboxKey"/>
    /// (lower case, without <c>+tag</c>, ASCII domain, so every spelling of the mailbox is covered); a domain becomes
    /// lower-case ASCII (IDN as punycode). Null when <paramref name="value"/> is neither.
    /// </summary>
    public static (string Value, BlockedSenderKind Kind)? Parse(string? value)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Contains('@', StringComparison.Ordinal))
        {
            return EmailAddresses.Normalize(trimmed) is { } address ? (EmailAddresses.MailboxKey(address), BlockedSenderKind.Address) : null;
        }

        return EmailAddresses.NormalizeDomain(trimmed) is { } domain ? (domain, BlockedSenderKind.Domain) : null;
    }

    /// <summary>
    /// The entries that would cover <paramref name="email"/>: its mailbox key, its domain and every parent domain of at
    /// least two labels (a block on <c>example.org</c> covers <c>mail.example.org</c>). Empty for something that is not an address.
    /// </summary>
    public static IReadOnlyList<string> KeysOf(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            return [];
        }

        var mailbox = EmailAddresses.MailboxKey(email);
        var keys = new List<string> { mailbox };
        var domain = mailbox[(mailbox.LastIndexOf('@') + 1)..];
        while (domain.Contains('.', StringComparison.Ordinal))
        {
            keys.Add(domain);
            domain = domain[(domain.IndexOf('.', StringComparison.Ordinal) + 1)..];
        }

        return keys;
    }

    /// <summary>Whether the entry <paramref name="value"/> covers <paramref name="email"/>.</summary>
    public static bool Covers(string value, string? email) => KeysOf(email).Contains(value, StringComparer.Ordinal);

    /// <summary>Whether any entry of the block list covers <paramref name="email"/>: one indexed query.</summary>
    public static async Task<bool> IsBlockedAsync(IFixItDb db, string? email, CancellationToken cancellationToken)
    {
        var keys = KeysOf(email);
        return keys.Count > 0 && await db.BlockedSenders.AnyAsync(b => keys.Contains(b.Value), cancellationToken);
    }
}
