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
    IReadOnlyList<StoredPhoto> Photos,
    IReadOnlyList<string> BouncedRecipients,
    string? MessageId);

/// <summary>An image attachment already written under the data folder.</summary>
public sealed record StoredPhoto(string FileName, string ContentType, long Length, string StoredName);
