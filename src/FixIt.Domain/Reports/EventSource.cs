namespace FixIt.Domain.Reports;

/// <summary>Where a change to a report came from.</summary>
public enum EventSource
{
    Web,
    Api,
    Open311,
    EmailLink,
    EmailReply,
    Admin,
    System,
}

/// <summary>Who made a change, in the sense the public page shows.</summary>
public enum ActorKind
{
    Reporter,
    Operator,
    Admin,
    System,

    /// <summary>A confirmed follower of the report (never named in public: <see cref="ReportEvent.FollowerName"/>).</summary>
    Follower,
}

/// <summary>What happened, for the timeline: a status change, a note, a routing step, a delivery fact.</summary>
public enum ReportEventKind
{
    Created,
    StatusChanged,
    Note,
    Routed,
    Rerouted,
    Sent,
    SendFailed,
    Bounced,
}
