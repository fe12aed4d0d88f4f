using FixIt.Domain.Text;

namespace FixIt.Domain.Inbound;

/// <summary>How a message reached FixIt.</summary>
public enum InboundChannel
{
    Smtp,
    Imap,
}

/// <summary>Where a received message stands. Received means stored but not yet (or not successfully) processed.</summary>
public enum InboundMessageStatus
{
    Received,
    Published,
    KeptPrivate,
    AutoReply,
    Bounce,
    Duplicate,
    Ignored,
    Failed,

    /// <summary>
    /// Arrived under a reply key but not from that key's recipient (or with a failing DKIM signature): held for an
    /// admin, nothing published, the report unchanged.
    /// </summary>
    Held,
}

/// <summary>What the DKIM signature of the From domain said, if the message had one.</summary>
public enum DkimResult
{
    /// <summary>No signature for the From domain (unsigned, or signed only by another domain).</summary>
    None,
    Pass,
    Fail,

    /// <summary>The signing key could not be looked up now (DNS unreachable).</summary>
    TempError,
}

/// <summary>
/// One email received for a reply address, stored raw before anything else is done with it, so a
/// message that cannot be parsed or applied is never lost and can be processed again.
/// </summary>
public sealed class InboundMessage
{
    private InboundMessage()
    {
    }

    public long Id { get; private set; }

    public InboundChannel Channel { get; private set; }

    /// <summary>Identifies the message in its channel (IMAP: folder, UIDVALIDITY and UID); unique, so two pollers store it once.</summary>
    public string? ChannelKey { get; private set; }

    public string Recipient { get; private set; } = "";

    public string? EnvelopeFrom { get; private set; }

    public string? ReplyKey { get; private set; }

    public string? MessageId { get; private set; }

    public byte[] Raw { get; private set; } = [];

    public int Size { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public InboundMessageStatus Status { get; private set; }

    public int? ReportId { get; private set; }

    /// <summary>What processing concluded, or the error that stopped it; for admins only.</summary>
    public string? Outcome { get; private set; }

    public int Attempts { get; private set; }

    public DkimResult Dkim { get; private set; }

    /// <summary>The d= domain of the signature <see cref="Dkim"/> is about.</summary>
    public string? DkimDomain { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    public static InboundMessage Receive(InboundChannel channel, string? channelKey, string recipient, string? envelopeFrom,
        string? replyKey, byte[] raw, DateTimeOffset now) => new()
        {
            Channel = channel,
            ChannelKey = channelKey,
            Recipient = Truncate(recipient, 320),
            EnvelopeFrom = envelopeFrom is null ? null : Truncate(envelopeFrom, 320),
            ReplyKey = replyKey,
            Raw = raw,
            Size = raw.Length,
            ReceivedAt = now,
            Status = InboundMessageStatus.Received,
        };

    public void Identify(string? messageId)
    {
        MessageId = messageId is null ? null : Truncate(messageId, 250);
    }

    public void RecordDkim(DkimResult result, string? domain)
    {
        Dkim = result;
        DkimDomain = domain is null ? null : Truncate(domain, 253);
    }

    public void Complete(InboundMessageStatus status, int? reportId, string outcome, DateTimeOffset now)
    {
        Status = status;
        ReportId = reportId;
        Outcome = Truncate(outcome, 2000);
        ProcessedAt = now;
        Attempts++;
    }

    /// <summary>Adds a line for admins to the outcome, e.g. what of the message was left out.</summary>
    public void AddNote(string note)
    {
        Outcome = Truncate(string.IsNullOrEmpty(Outcome) ? note : $"{Outcome} {note}", 2000);
    }

    /// <summary>Keeps the message Received so it is tried again; after a few tries it is left Failed for an admin.</summary>
    public void Fail(string error, int maxAttempts, DateTimeOffset now)
    {
        Attempts++;
        Outcome = Truncate(error, 2000);
        ProcessedAt = now;
        if (Attempts >= maxAttempts)
        {
            Status = InboundMessageStatus.Failed;
        }
    }

    private static string Truncate(string value, int length) => TextElements.TruncateToLength(value, length);
}
