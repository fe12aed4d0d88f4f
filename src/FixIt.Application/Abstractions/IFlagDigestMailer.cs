using FixIt.Application.Features.Moderation.ListFlags;

namespace FixIt.Application.Abstractions;

/// <summary>Writes the staff digest of new flags into the outbox, on the caller's unit of work.</summary>
public interface IFlagDigestMailer
{
    /// <summary>One email to every active admin and moderator; returns how many were queued.</summary>
    Task<int> QueueDigestAsync(IReadOnlyList<FlaggedItem> items, int newFlags, CancellationToken cancellationToken);
}
