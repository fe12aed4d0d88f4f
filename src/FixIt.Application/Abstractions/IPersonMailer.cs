namespace FixIt.Application.Abstractions;

/// <summary>Writes the emails that are about a person rather than one report into the outbox, on the caller's unit of work.</summary>
public interface IPersonMailer
{
    /// <summary>
    /// The "My reports" link to <paramref name="address"/>; false (nothing queued) when the mailbox has had its
    /// daily share of such links (MailboxCaps:MyReportsLinksPerDay).
    /// </summary>
    Task<bool> QueueMyReportsLinkAsync(string address, string token, TimeSpan lifetime, CancellationToken cancellationToken);
}
