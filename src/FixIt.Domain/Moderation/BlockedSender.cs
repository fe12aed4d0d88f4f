namespace FixIt.Domain.Moderation;

/// <summary>Whether a block is one mailbox or a whole domain (and its subdomains).</summary>
public enum BlockedSenderKind
{
    Address,
    Domain,
}

/// <summary>
/// One entry of the block list: a mailbox (its mailbox key: lower case, no <c>+tag</c>, ASCII domain) or a domain (lower
/// case ASCII, covering its subdomains), with why, who and when. Unblocking deletes the row; the audit log keeps both steps.
/// </summary>
public sealed class BlockedSender
{
    private BlockedSender()
    {
    }

    public BlockedSender(string value, BlockedSenderKind kind, string reason, StaffActor actor, DateTimeOffset at)
    {
        Value = value;
        Kind = kind;
        Reason = reason.Trim();
        BlockedByKind = actor.Kind;
        BlockedById = actor.Id;
        BlockedByName = actor.Name;
        BlockedAt = at;
    }

    public int Id { get; private set; }

    /// <summary>The normalised address or domain: what a sender's keys are compared with (unique).</summary>
    public string Value { get; private set; } = "";

    public BlockedSenderKind Kind { get; private set; }

    public string Reason { get; private set; } = "";

    public DateTimeOffset BlockedAt { get; private set; }

    public StaffActorKind BlockedByKind { get; private set; }

    public string BlockedById { get; private set; } = "";

    public string BlockedByName { get; private set; } = "";
}
