namespace FixIt.Domain.Messaging;

/// <summary>
/// How many emails of one kind FixIt queued, unasked by the mailbox's owner, to one mailbox on one UTC day; the row
/// that caps them. The mailbox is the SHA-256 of the normalised address (lower-case, no <c>+tag</c>), so variants count as one and
/// the address itself is not kept.
/// </summary>
public sealed class MailboxDailyCount
{
    private MailboxDailyCount()
    {
    }

    public string Mailbox { get; private set; } = "";

    public DateOnly Day { get; private set; }

    public MailKind Kind { get; private set; }

    public int Count { get; private set; }
}
