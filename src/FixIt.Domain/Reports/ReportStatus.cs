namespace FixIt.Domain.Reports;

/// <summary>Every status a report can be in. Stored by name, so the order here is free to change.</summary>
public enum ReportStatus
{
    Unconfirmed,
    Hidden,
    Open,
    Acknowledged,
    InProgress,
    ActionScheduled,
    Fixed,
    NotResponsible,
    Duplicate,
    UnableToFix,
    Closed,
}

/// <summary>The coarse kind of a status, as FixMyStreet groups them; Open311 maps these to open/closed.</summary>
public enum StatusType
{
    Hidden,
    Open,
    Fixed,
    Closed,
}
