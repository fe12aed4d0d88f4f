using MimeKit;

namespace FixIt.Infrastructure.Mail.Sending;

/// <summary>What became of one message handed to a transport.</summary>
internal enum SendResult
{
    Sent,

    /// <summary>Try again later: a 4xx reply, or the connection failed.</summary>
    Transient,

    /// <summary>Give up: a 5xx reply, or the message cannot be sent at all.</summary>
    Permanent,

    /// <summary>Not tried (the dispatcher is stopping); the claim is handed back.</summary>
    NotAttempted,

    /// <summary>Interrupted mid-send: it may or may not have gone. The claim stays until its lease runs out.</summary>
    Unknown,
}

internal readonly record struct SendOutcome(SendResult Result, DateTimeOffset At, string? Error = null);

/// <summary>A message and its envelope sender (MAIL FROM), which is where delivery failures go back to.</summary>
internal sealed record OutgoingMail(MimeMessage Message, MailboxAddress EnvelopeFrom)
{
    public IReadOnlyList<MailboxAddress> Recipients => [.. Message.To.Mailboxes, .. Message.Cc.Mailboxes, .. Message.Bcc.Mailboxes];
}

/// <summary>Sends a batch of messages in order over one connection (or into one folder).</summary>
internal interface IMailTransport
{
    /// <summary>Workers the dispatcher may run in parallel against this transport.</summary>
    int Parallelism { get; }

    Task<SendOutcome[]> SendAsync(IReadOnlyList<OutgoingMail> messages, CancellationToken cancellationToken);
}
