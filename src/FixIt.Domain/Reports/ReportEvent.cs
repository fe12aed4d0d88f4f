using FixIt.Domain.Moderation;
using FixIt.Domain.Text;

namespace FixIt.Domain.Reports;

/// <summary>One entry of a report's timeline. Every status change is one of these.</summary>
public sealed class ReportEvent
{
    private ReportEvent()
    {
    }

    public ReportEvent(ReportEventKind kind, ActorKind actorKind, string actor, EventSource source,
        ReportStatus? fromStatus, ReportStatus? toStatus, string? publicText, DateTimeOffset at, bool isPublic = true)
    {
        Kind = kind;
        ActorKind = actorKind;
        Actor = PublicTextScrubber.Scrub(actor);
        Source = source;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        PublicText = PublicTextScrubber.ScrubOrNull(publicText);
        At = at;
        IsPublic = isPublic;
    }

    /// <summary>How a follower's entries are shown: followers leave no name (a subscription has none to give).</summary>
    public const string FollowerName = "A follower";

    public long Id { get; private set; }

    public int ReportId { get; private set; }

    public ReportEventKind Kind { get; private set; }

    public ActorKind ActorKind { get; private set; }

    /// <summary>A display name: the operator's name, "the reporter", a shown reporter name, or "FixIt"; scrubbed like public text.</summary>
    public string Actor { get; private set; } = "";

    public EventSource Source { get; private set; }

    public ReportStatus? FromStatus { get; private set; }

    public ReportStatus? ToStatus { get; private set; }

    /// <summary>Scrubbed of secret links and unsafe characters when the event is made (<see cref="PublicTextScrubber"/>).</summary>
    public string? PublicText { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>False for facts only admins see (an auto-reply kept back, a delivery failure detail).</summary>
    public bool IsPublic { get; private set; }

    /// <summary>When staff hid this public event (then <see cref="IsPublic"/> is false until they unhide it); null otherwise.</summary>
    public DateTimeOffset? HiddenAt { get; private set; }

    /// <summary>Staff take a public event off the timeline, feeds and Open311: it stops being public.</summary>
    /// <exception cref="ModerationConflictException">The event is already hidden, or was never public.</exception>
    public void Hide(DateTimeOffset now)
    {
        if (HiddenAt is not null || !IsPublic)
        {
            throw new ModerationConflictException(HiddenAt is null
                ? $"Update {Id} is not public, so there is nothing to hide."
                : $"Update {Id} is already hidden.");
        }

        IsPublic = false;
        HiddenAt = now;
    }

    /// <summary>Staff put a hidden event back on the timeline.</summary>
    /// <exception cref="ModerationConflictException">The event is not hidden by staff.</exception>
    public void Unhide()
    {
        if (HiddenAt is null)
        {
            throw new ModerationConflictException($"Update {Id} is not hidden.");
        }

        IsPublic = true;
        HiddenAt = null;
    }

    /// <summary>
    /// The reporter's name was taken off (or put back on) public view, by themselves, a moderator or an erasure: their
    /// entries are theirs still, under the new name.
    /// </summary>
    internal void RenameActor(string actor) => Actor = PublicTextScrubber.Scrub(actor);
}
