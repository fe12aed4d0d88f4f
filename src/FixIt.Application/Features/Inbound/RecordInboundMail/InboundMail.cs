using FixIt.Domain.Inbound;

namespace FixIt.Application.Features.Inbound.RecordInboundMail;

/// <summary>What the mail parser made of a received message.</summary>
public enum InboundMailKind
{
    Reply,
    AutoReply,
    Bounce,
}

/// <summary>A parsed inbound message: the published text is already cut from quoted history and masked.</summary>
public sealed record InboundMail(
    InboundMailKind Kind,
    string? FromAddress,
    string? Subject,
    string Text,
    IReadOnlyList<EmailedPhoto> Photos,
    IReadOnlyList<string> BouncedRecipients,
    string? MessageId)
{
    /// <summary>It came to a message's VERP bounce address rather than a reply address.</summary>
    public bool ToBounceAddress { get; init; }

    /// <summary>A standard delivery status report (multipart/report; report-type=delivery-status).</summary>
    public bool IsDeliveryStatusReport { get; init; }

    /// <summary>Why the From is not one sender (several From headers or mailboxes, none): the reply is then nobody's.</summary>
    public string? FromProblem { get; init; }

    /// <summary>What the DKIM signature of the From domain said.</summary>
    public DkimVerdict Dkim { get; init; } = DkimVerdict.NoSignature;
}

/// <summary>The result of checking the DKIM signature aligned with the From domain, and that domain.</summary>
public sealed record DkimVerdict(DkimResult Result, string? Domain)
{
    public static readonly DkimVerdict NoSignature = new(DkimResult.None, null);
}
